/**
 * Adds a stylesheet to the shadow root as a constructed stylesheet: a page whose Content-Security-Policy has no
 * style-src 'unsafe-inline' blocks <style> elements, in shadow roots too, but not these. A browser without them
 * (or without a mutable adoptedStyleSheets) gets a <style> element.
 */
export function addSheet(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets.push(sheet);
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.appendChild(style);
  }
}
