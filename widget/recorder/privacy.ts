/** Which inputs the recording masks. Pure functions over a structural element so they can be unit tested. */
export interface MaskableElement {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest?(selector: string): unknown;
  type?: string;
  tagName?: string;
}

const SENSITIVE_NAME = /pass|pwd|secret|token|otp|one-time|cvc|cvv|csc|card|ccnum|iban|ssn|social|pin\b|security/i;

/**
 * Always masked, whatever the site configured: passwords (also after a "show password" toggle turned them into
 * text inputs: rrweb remembers them with data-rr-is-password), hidden inputs, payment and one-time-code
 * autocomplete fields, and fields whose name or id says they hold a secret.
 */
export function isSensitiveInput(el: MaskableElement): boolean {
  const type = (el.type || el.getAttribute("type") || "").toLowerCase();
  if (type === "password" || type === "hidden") return true;
  if (el.hasAttribute("data-rr-is-password") || el.hasAttribute("data-handoff-mask")) return true;
  const autocomplete = (el.getAttribute("autocomplete") || "").toLowerCase();
  if (/\bcc-|one-time-code|password/.test(autocomplete)) return true;
  const name = `${el.getAttribute("name") || ""} ${el.getAttribute("id") || ""}`;
  if (SENSITIVE_NAME.test(name)) return true;
  return !!el.closest?.("[data-handoff-mask]");
}

export const mask = (text: string) => "*".repeat(text.length);

/** The maskInputFn handed to rrweb; rrweb calls it for every input because we enable every input type. */
export function makeMaskInput(maskAll: boolean): (text: string, el: MaskableElement) => string {
  return (text, el) => (maskAll || isSensitiveInput(el) ? mask(text) : text);
}
