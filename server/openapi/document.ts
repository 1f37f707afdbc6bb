import { z } from "zod";
import { ERROR_STATUS, errorBodySchema } from "../../shared/errors.js";
import { type Auth, OPERATIONS, type Operation } from "./operations.js";
import { webhookDocs } from "./webhooks.js";

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) from a shared zod schema; what JSON cannot say becomes `{}`. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete json.$schema;
  return json;
}

const SECURITY: Record<Auth, Json[]> = {
  none: [],
  agent: [{ session: [] }, { apiToken: [] }],
  admin: [{ session: [] }, { apiToken: ["admin"] }],
  widget: [
    { siteKey: [], customerToken: [] },
    { siteKey: [], verifiedUser: [] },
  ],
  upload: [{ uploadToken: [] }],
  widgetOrUpload: [{ siteKey: [], customerToken: [] }, { siteKey: [], verifiedUser: [] }, { uploadToken: [] }],
};

const ERRORS_BY_AUTH: Record<Auth, number[]> = {
  none: [400, 422, 429],
  agent: [400, 401, 403, 404, 422, 429],
  admin: [400, 401, 403, 404, 422, 429],
  widget: [400, 401, 403, 404, 422, 429],
  upload: [400, 401, 404, 413, 422, 429],
  widgetOrUpload: [400, 401, 403, 404, 422, 429],
};

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");

function parameters(op: Operation): Json[] {
  const params: Json[] = [...op.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (op.query) {
    const query = schemaOf(op.query, "input");
    const props = collectProperties(query);
    for (const [name, schema] of Object.entries(props.properties)) {
      params.push({ name, in: "query", required: props.required.includes(name), schema });
    }
  }
  if (op.responseType === "text/event-stream") {
    params.push({ name: "Last-Event-ID", in: "header", required: false, schema: { type: "string" } });
  }
  return params;
}

/** Query schemas may be intersections (allOf): flatten their properties. */
function collectProperties(schema: Json): { properties: Record<string, Json>; required: string[] } {
  const out = {
    properties: { ...((schema.properties as Record<string, Json>) ?? {}) },
    required: [...((schema.required as string[]) ?? [])],
  };
  for (const part of (schema.allOf as Json[]) ?? []) {
    const inner = collectProperties(part);
    Object.assign(out.properties, inner.properties);
    out.required.push(...inner.required);
  }
  return out;
}

function operation(op: Operation): Json {
  const status = op.status ?? 200;
  const responses: Json = {};
  const type = op.responseType ?? "application/json";
  responses[String(status)] =
    status === 204
      ? { description: "Done" }
      : {
          description: op.description ?? "OK",
          content: { [type]: op.response ? { schema: schemaOf(op.response, "output") } : {} },
        };
  for (const code of [...new Set([...ERRORS_BY_AUTH[op.auth], ...(op.errors ?? [])])]) {
    responses[String(code)] = { $ref: `#/components/responses/Error${code}` };
  }
  return {
    operationId: `${op.method}${openApiPath(op.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.scope ? { "x-token-scope": op.scope } : {}),
    security: SECURITY[op.auth],
    parameters: parameters(op),
    ...(op.body || op.requestType
      ? {
          requestBody: {
            required: true,
            content: {
              [op.requestType ?? "application/json"]: op.body
                ? { schema: schemaOf(op.body, "input") }
                : { schema: { type: "string", format: "binary" } },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of every public route and webhook, generated from the shared zod schemas. */
export function openApiDocument(serverUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const path = openApiPath(op.path);
    paths[path] = { ...(paths[path] ?? {}), [op.method]: operation(op) };
  }
  const errorResponses: Json = {};
  const codes = new Set(Object.values(ERROR_STATUS));
  for (const status of codes) {
    errorResponses[`Error${status}`] = {
      description: Object.entries(ERROR_STATUS)
        .filter(([, s]) => s === status)
        .map(([code]) => code)
        .join(", "),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Handoff API",
      version: "1",
      description:
        "The support widget's and the agent console's API. Every error has one body: `{ error: { code, message, requestId, issues? } }`. Scripts authenticate with an API token (`Authorization: Bearer hot_…`) whose scope is shown per operation as `x-token-scope`. The `webhooks` are what Handoff POSTs to endpoints an admin adds (`POST /api/v1/webhooks`), signed per Standard Webhooks.",
    },
    servers: [{ url: serverUrl }],
    paths,
    webhooks: webhookDocs(schemaOf),
    components: {
      schemas: { Error: schemaOf(errorBodySchema, "output") },
      responses: errorResponses,
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "handoff_session",
          description:
            "Named __Host-handoff_session (Secure, Path=/, no Domain) when the server's public URL is https.",
        },
        apiToken: { type: "http", scheme: "bearer", description: "An API token created by an admin" },
        siteKey: { type: "apiKey", in: "header", name: "X-Handoff-Key" },
        customerToken: { type: "apiKey", in: "header", name: "X-Handoff-Customer" },
        verifiedUser: { type: "apiKey", in: "header", name: "X-Handoff-User" },
        uploadToken: { type: "http", scheme: "bearer", description: "The ticket's upload token" },
      },
    },
  };
}
