/** "On … wrote:" as mail clients write it (the widget's languages: Gmail, Apple Mail, iOS, Thunderbird). */
const ATTRIBUTIONS = [
  /^On\s.+\swrote:\s*$/i,
  /^Am\s.+\sschrieb\s.+:\s*$/i,
  /^Le\s.+\sa\s+écrit\s*:\s*$/i,
  /^El\s.+\sescribió:\s*$/i,
  /^Il\s.+\sha\s+scritto:\s*$/i,
  /^Em\s.+\sescreveu:\s*$/i,
  /^Op\s.+\sschreef\s.+:\s*$/i,
];
/** Where the rest is history, never answered inline: Outlook's header block and separators. */
const HISTORY_STARTS = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Mensagem original|Oorspronkelijk bericht)\s*-{2,}/i,
  /^_{10,}\s*$/,
];
/** Outlook's "From: …" opens a header block only when "Sent:"/"Date:"/"To:" … follows, not in a customer's sentence. */
const HEADER_FROM = /^\*?(From|Von|De|Da|Van)\s*:\*?\s.+/i;
const HEADER_NEXT =
  /^\*?(Sent|Date|To|Subject|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Enviado|Fecha|Para|Asunto|Inviato|Data|A|Oggetto|Assunto|Verzonden|Aan|Onderwerp)\s*:/i;
// Our own mails' line (email-strings.ts), in each language.
const REPLY_MARKERS = [
  /^Reply above this line/i,
  /^Antworten Sie oberhalb/i,
  /^Répondez au-dessus/i,
  /^Responda por encima/i,
  /^Risponda sopra/i,
  /^Responda acima/i,
  /^Antwoord boven/i,
];
/** The signatures phones add by default: nothing the customer wrote. */
const DEVICE_SIGNATURE =
  /^(Sent from my \w+( \w+)?|Von meinem \w+( \w+)? gesendet|Envoyé de mon \w+( \w+)?|Enviado desde mi \w+( \w+)?|Inviato da(l mio)? \w+( \w+)?|Enviado do meu \w+( \w+)?|Verzonden (vanaf|met) mijn \w+( \w+)?|Get Outlook for (iOS|Android)|Outlook für (iOS|Android) beziehen|Obtenir Outlook pour (iOS|Android))\.?\s*(<https?:\/\/[^>]*>)?$/i;
/** A quoted block answered inline keeps this many of its last lines, so each answer shows what it answers. */
const CONTEXT_LINES = 3;

const unquote = (line: string) => line.replace(/^>\s?/, "");
const isQuote = (line: string) => line.startsWith(">");
const isAttribution = (text: string) => ATTRIBUTIONS.some((re) => re.test(text));

/**
 * The new part of an emailed reply: drops the quoted history ("On … wrote:" and its "> …" lines, Outlook's header
 * block), the signature ("-- " and what follows) and a phone's "Sent from my iPhone". An inline reply (answers between
 * quoted lines) keeps each answer with the last lines of the quote it answers.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Gmail wraps a long attribution before the address or before "écrit :"; the address tells it from prose.
    const joined = `${line} ${lines[i + 1] ?? ""}`;
    const wrapped = !isQuote(line) && joined.includes("@") && isAttribution(joined) && !isAttribution(line);
    if (!isQuote(line) && (isAttribution(line) || wrapped)) {
      if (wrapped) i++;
      // Followed by "> " lines the quote may be answered inline; followed by plain text it is history.
      const next = lines.slice(i + 1).find((l) => l.trim() !== "");
      if (next === undefined || !isQuote(next)) break;
      continue;
    }
    if (HISTORY_STARTS.some((re) => re.test(line))) break;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 3).some((l) => HEADER_NEXT.test(l))) break;
    if (REPLY_MARKERS.some((re) => re.test(line.trim()))) break;
    if (line === "-- " || line === "--") break;
    kept.push(line);
  }
  return tidy(keepAnsweredQuotes(kept)).trim();
}

/** Quoted blocks followed by an answer keep their last lines; the others (the history under the reply) go. */
function keepAnsweredQuotes(lines: string[]): string[] {
  const out: string[] = [];
  let block: string[] = [];
  let signature = false; // our own mail's footer, quoted: never context
  for (const line of lines) {
    if (isQuote(line)) {
      const inner = unquote(line).trim();
      if (inner === "--") signature = true;
      const noise = inner === "" || isAttribution(inner) || REPLY_MARKERS.some((re) => re.test(inner));
      if (!signature && !noise) block.push(`> ${inner}`);
      continue;
    }
    signature = false;
    if (block.length > 0) {
      if (line.trim() === "") continue; // the answer's own spacing follows the quote
      out.push(...block.slice(-CONTEXT_LINES), "");
      block = [];
    }
    out.push(line);
  }
  return out;
}

/** No trailing rule (Outlook's <hr> before its header block), phone signature or run of blank lines. */
function tidy(lines: string[]): string {
  const out = [...lines];
  while (out.length > 0) {
    const last = out.at(-1)!.trim();
    if (last === "" || /^[-_=*]{5,}$/.test(last) || DEVICE_SIGNATURE.test(last)) out.pop();
    else break;
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
