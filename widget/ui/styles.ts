/**
 * The launcher's stylesheet (critical path), scoped by the shadow root. `color` was validated by safeColor().
 * Custom properties inherit into shadow roots (`all:initial` leaves them alone), so the host page themes the widget
 * with --handoff-accent, --handoff-accent-text and --handoff-font on :root or #handoff-widget; --a is the accent
 * the dialog's stylesheet uses too. `!important`: the host is a <div> of the page, and page rules such as
 * `div{transform:…}` or `div:empty{display:none}` would otherwise move the launcher off screen or hide it.
 * Transparent borders: forced colors (high contrast) drop backgrounds and shadows and draw these as the edges.
 */
export function launcherCss(color: string, left: boolean): string {
  const side = left ? "left" : "right";
  return `:host{all:initial!important;--a:var(--handoff-accent,${color});--t:var(--handoff-accent-text,#fff)}
*{box-sizing:border-box;font:14px/1.45 var(--handoff-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif)}
.l,.d{position:fixed;${side}:20px;z-index:2147483647}
.l{bottom:20px;display:flex;align-items:center;gap:6px;border:2px solid transparent;border-radius:999px;padding:8px 14px;background:var(--a);color:var(--t);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.l svg{width:18px;height:18px}
.n{position:absolute;top:-6px;${left ? "right" : "left"}:-6px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#c8102e;color:#fff;font-size:12px;line-height:20px;text-align:center;box-shadow:0 0 0 2px #fff}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.l:focus-visible{outline-color:#111;box-shadow:0 0 0 5px #fff}`;
}
