/**
 * Whether `text` matches a glob whose only wildcard is `*` (any run of characters), in time linear in the text per
 * pattern segment: no regex, so an admin-written `*\/*\/*\/*\/*\/x` cannot backtrack for seconds.
 */
export function globMatches(pattern: string, text: string): boolean {
  const parts = pattern.split("*");
  if (parts.length === 1) return pattern === text;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  // The leftmost match of each middle segment leaves the most room for the rest: greedy is exact here.
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (!part) continue;
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
