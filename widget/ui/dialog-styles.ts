/**
 * The dialog's stylesheet, loaded with the dialog chunk; the accent (--a, --t) comes from the launcher's :host.
 * `.m` is the phone layout (full screen, 16px fields so iOS does not zoom on focus), set by Dialog.fit from the
 * screen's width: a media query would miss a phone page without <meta name=viewport>, laid out 980px wide.
 * `color-scheme:light`: a dark page (its meta color-scheme or :root) would draw the native controls (file button,
 * checkbox, scrollbar) dark on the white dialog.
 * A transparent border: forced colors (Windows high contrast) drop the shadow and background, and draw it instead.
 * `max-height` in % of the window, not vh: on a page scaled with CSS `zoom` (html{zoom:1.5}) vh is zoomed too and
 * the form's top (title, close button) went above the window.
 */
export function dialogCss(_color: string, left: boolean): string {
  const side = left ? "left" : "right";
  return `.d{color-scheme:light;bottom:76px;width:min(380px,calc(100vw - 40px));max-height:calc(100% - 100px);overflow:auto;background:#fff;color:#1a1a1a;border:1px solid transparent;border-radius:12px;padding:17px;box-shadow:0 12px 40px rgba(0,0,0,.3)}
.nl .d{bottom:20px}
h2{margin:0 0 6px;font-size:17px;font-weight:700}
p{margin:0 0 12px;color:#444}
.f{margin-bottom:12px}
label{display:block;font-weight:600;margin-bottom:4px}
input[type=email],input[type=text],input[type=number],textarea{width:100%;border:1px solid #888;border-radius:6px;padding:7px 9px;color:#111;background:#fff}
textarea{min-height:96px;resize:vertical}
[aria-invalid=true]{border-color:#b00020;border-width:2px}
.e{color:#b00020;font-size:13px;margin-top:3px}
.c{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.c input{margin-top:3px}
.h{font-size:12px;color:#555;margin:2px 0 0 22px}
.p{font-size:13px;background:#f3f4f6;border-radius:6px;padding:8px;color:#333}
.a{border:1px solid #b00020;background:#fdecee;color:#7a0015;border-radius:6px;padding:8px;margin-bottom:12px}
.b{display:flex;gap:8px;justify-content:flex-end}
button.s,button.g{border-radius:6px;padding:8px 16px;font-weight:600;cursor:pointer;border:1px solid var(--a)}
button.s{background:var(--a);color:var(--t)}
button.g{background:#fff;color:#222;border-color:#888}
button:disabled{opacity:.6;cursor:progress}
.x{position:absolute;top:10px;${side}:10px;border:0;background:none;font-size:20px;cursor:pointer;color:#444;line-height:1;padding:4px 8px}
progress{width:100%;height:8px}
.d.m{left:0;right:0;top:var(--vt,0);bottom:auto;width:100%;height:var(--vh,100dvh);max-height:none;border-radius:0;overscroll-behavior:contain}
.m input,.m textarea{font-size:16px}
@media (prefers-reduced-motion:no-preference){.d{animation:i .15s ease-out}@keyframes i{from{opacity:0;transform:translateY(8px)}}}`;
}
