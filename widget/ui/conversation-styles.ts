/**
 * The conversation view's stylesheet (tabs, list, thread, feedback questions): ships with the conversation chunk.
 * Forced colors (high contrast) drop backgrounds: the current tab keeps a thicker border, each message a border.
 */
export const conversationCss = `.t{display:flex;gap:4px;margin:0 28px 12px 0}
.t button{flex:1;border:1px solid #ccc;background:#f3f4f6;border-radius:6px;padding:6px;cursor:pointer;color:#222}
.t [aria-pressed=true]{background:#fff;border:2px solid var(--a);padding:5px;font-weight:600}
.cl,.ms{list-style:none;margin:0 0 12px;padding:0}
.cl button{display:block;width:100%;text-align:left;border:1px solid #ddd;border-radius:8px;background:#fff;padding:8px 10px;margin-bottom:6px;cursor:pointer;color:#1a1a1a}
.cl strong,.cm,.cp,.mb{display:block}
h2,.cl strong{overflow-wrap:anywhere}
.cm,.cm time{font-size:12px;color:#555}
.cp{color:#444;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.u{color:#c8102e}
.ms li{border:1px solid transparent;border-radius:8px;padding:6px 10px;margin-bottom:6px;max-width:88%}
.mc{background:#eef2ff;margin-left:auto}
.ma{background:#f3f4f6}
.mb{white-space:pre-wrap;overflow-wrap:anywhere}
.sr{position:absolute;width:1px;height:1px;margin:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.fb{border:1px solid #ddd;border-radius:8px;padding:10px;margin-bottom:12px}
h3{margin:0 0 8px;font-size:15px}
.q{border:0;padding:0;margin:0 0 10px}
.q[aria-invalid=true]{border-style:solid;border-radius:6px;padding:4px 8px}
.q legend{font-weight:600;margin-bottom:4px}
.q .c{display:inline-flex;margin-right:14px}`;
