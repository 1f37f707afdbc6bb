/** Lines where the quoted history starts, as mail clients write them (en/de/fr, Outlook, Gmail, Apple Mail). */
const HISTORY_STARTS = [
  /^On .+wrote:\s*$/i,
  /^Am .+schrieb .+:\s*$/i,
  /^Le .+a écrit\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^(From|Von|De)\s*:\s.+/i,
];
const REPLY_MARKERS = [/^Reply above this line/i, /^Antworten Sie oberhalb/i, /^Répondez au-dessus/i];

/**
 * The new part of an emailed reply: stops at the quoted history ("On … wrote:", "> …", a forwarded header block) and
 * drops the signature ("-- " and what follows) and trailing blank lines.
 */
export function stripQuotedReply(text: string): string {
  const kept: string[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const joined = `${line} ${lines[i + 1] ?? ""}`.trim(); // Gmail wraps "On … <x@y>\nwrote:"
    if (HISTORY_STARTS.some((re) => re.test(line)) || /^On .+wrote:\s*$/i.test(joined)) break;
    if (REPLY_MARKERS.some((re) => re.test(line.trim()))) break;
    if (line === "-- " || line === "--") break;
    if (line.startsWith(">")) continue;
    kept.push(line);
  }
  return kept.join("\n").trim();
}
