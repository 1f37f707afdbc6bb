/**
 * The API reference at /docs, rendered on the server from the OpenAPI document: no CDN, no script, so it works on
 * an air-gapped install and under a strict CSP. Each operation shows its auth, token scope and schemas.
 */
// biome-ignore lint/suspicious/noExplicitAny: the page walks an OpenAPI document of any shape
type Json = Record<string, any>;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const block = (label: string, schema: unknown) =>
  schema
    ? `<details><summary>${label}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`
    : "";

export function referencePage(doc: Json): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(methods as Json)) {
      const id = escapeHtml(op.operationId);
      const body = op.requestBody?.content ? Object.values(op.requestBody.content as Json)[0]?.schema : undefined;
      const ok = Object.entries(op.responses as Json).find(([code]) => code.startsWith("2"));
      const okSchema = ok?.[1].content ? Object.values(ok[1].content as Json)[0]?.schema : undefined;
      const auth = (op.security as Json[]).map((s) => Object.keys(s).join(" + ")).join(" or ") || "none";
      const params = (op.parameters as Json[]).map((p) => `${escapeHtml(p.name)} (${p.in})`).join(", ");
      const errors = Object.keys(op.responses).filter((c) => !c.startsWith("2"));
      const html = `<section class="op" id="${id}">
  <h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(op.summary)}</p>${op.description ? `<p class="muted">${escapeHtml(op.description)}</p>` : ""}
  <p class="muted">Auth: ${escapeHtml(auth)}${op["x-token-scope"] ? ` · token scope <code>${escapeHtml(op["x-token-scope"])}</code>` : ""}${params ? ` · parameters: ${params}` : ""}</p>
  ${block("Request body", body)}${block(`Response ${ok?.[0] ?? ""}`, okSchema)}
  <p class="muted">Errors: ${errors.join(", ")} (the error body below)</p>
</section>`;
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  // What Handoff sends (OpenAPI `webhooks`): the headers to verify and the body, with an example.
  for (const [event, item] of Object.entries((doc.webhooks ?? {}) as Json)) {
    const op = item.post;
    const content = op.requestBody.content["application/json"];
    const headers = (op.parameters as Json[]).map((p) => `<code>${escapeHtml(p.name)}</code>`).join(", ");
    const html = `<section class="op" id="${escapeHtml(op.operationId)}">
  <h3><span class="m m-post">EVENT</span> <code>${escapeHtml(event)}</code></h3>
  <p>${escapeHtml(op.summary)}</p><p class="muted">${escapeHtml(op.description)}</p>
  <p class="muted">Headers: ${headers}</p>
  ${block("Body", content.schema)}${block("Example", content.example)}
</section>`;
    byTag.set("Webhook events", [...(byTag.get("Webhook events") ?? []), html]);
  }
  const nav = [...byTag.keys()].map((t) => `<a href="#tag-${escapeHtml(t)}">${escapeHtml(t)}</a>`).join(" · ");
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join("\n")}`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(doc.info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2430}
code,pre{font:13px ui-monospace,monospace}pre{background:#f4f6f8;padding:.75rem;overflow:auto;border-radius:6px}
.op{border-top:1px solid #e2e6ea;padding:.5rem 0}.muted{color:#5b6472}.m{display:inline-block;min-width:4.5em;font-size:12px;
padding:2px 6px;border-radius:4px;color:#fff;background:#4a5568;text-align:center}.m-get{background:#2b6cb0}.m-post{background:#2f855a}
.m-put,.m-patch{background:#b7791f}.m-delete{background:#c53030}</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)})</p>
<nav>${nav}</nav>${sections}
<h2>Error body</h2><pre>${escapeHtml(JSON.stringify(doc.components.schemas.Error, null, 2))}</pre>
</body></html>`;
}
