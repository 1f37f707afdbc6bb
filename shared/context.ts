import { z } from "zod";
import { LIMITS } from "./limits.js";

/** What the widget captured around a ticket. Times are epoch milliseconds. */
const epochMs = z.number().int().nonnegative();
const url = z.string().max(LIMITS.url);

export const clickSchema = z.object({
  t: epochMs,
  selector: z.string().max(300),
  tag: z.string().max(40),
  role: z.string().max(40).optional(),
  text: z.string().max(LIMITS.clickText).optional(),
  x: z.number(),
  y: z.number(),
  url: url.optional(),
  rage: z.boolean().optional(),
  dead: z.boolean().optional(),
});
export type Click = z.infer<typeof clickSchema>;

export const navigationKinds = ["load", "pushState", "replaceState", "popstate", "hashchange"] as const;
export const navigationSchema = z.object({
  t: epochMs,
  url,
  kind: z.enum(navigationKinds),
  title: z.string().max(300).optional(),
});
export type Navigation = z.infer<typeof navigationSchema>;

export const consoleEntrySchema = z.object({
  t: epochMs,
  level: z.enum(["error", "warn"]),
  kind: z.enum(["console", "uncaught", "unhandledrejection"]).default("console"),
  message: z.string().max(LIMITS.consoleMessage),
  stack: z.string().max(LIMITS.stack).optional(),
});
export type ConsoleEntry = z.infer<typeof consoleEntrySchema>;

export const networkFailureSchema = z.object({
  t: epochMs,
  method: z.string().max(16),
  url,
  /** 0 when the request never got a response (network error, CORS, abort). */
  status: z.number().int().min(0).max(999),
  durationMs: z.number().nonnegative(),
  error: z.string().max(300).optional(),
});
export type NetworkFailure = z.infer<typeof networkFailureSchema>;

export const environmentSchema = z.object({
  userAgent: z.string().max(512),
  viewport: z.object({ width: z.number(), height: z.number() }),
  devicePixelRatio: z.number(),
  language: z.string().max(35),
  timeZone: z.string().max(64).optional(),
  referrer: url.optional(),
});
export type Environment = z.infer<typeof environmentSchema>;

const metadataValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
export const metadataSchema = z
  .record(z.string().max(64), metadataValue)
  .refine((m) => Object.keys(m).length <= LIMITS.metadataKeys, `at most ${LIMITS.metadataKeys} keys`)
  .refine((m) => JSON.stringify(m).length <= LIMITS.metadataBytes, `at most ${LIMITS.metadataBytes} bytes`);
export type Metadata = z.infer<typeof metadataSchema>;

/** What the host app tells us about its user. Trusted only when userHash verifies on the server. */
export const identitySchema = z.object({
  id: z.string().max(200).optional(),
  email: z.email().max(320).optional(),
  name: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  plan: z.string().max(64).optional(),
  userHash: z.string().max(128).optional(),
  /** HS256 JWT from the host app's backend (claims sub, email, name, company, plan, exp): verifies every claim. */
  jwt: z.string().max(4096).optional(),
});
export type Identity = z.infer<typeof identitySchema>;

export const captureContextSchema = z.object({
  clicks: z.array(clickSchema).max(LIMITS.clicks).default([]),
  navigation: z.array(navigationSchema).max(LIMITS.navigation).default([]),
  console: z.array(consoleEntrySchema).max(LIMITS.consoleEntries).default([]),
  network: z.array(networkFailureSchema).max(LIMITS.networkFailures).default([]),
  environment: environmentSchema.optional(),
  metadata: metadataSchema.default({}),
  /** The language the widget spoke to the customer (its data-locale, else the browser's): the one to answer in. */
  locale: z
    .string()
    .max(35)
    .regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i)
    .optional(),
});
export type CaptureContext = z.infer<typeof captureContextSchema>;

/** The customer's language: the widget's (tickets since it is sent), else the browser's. */
export const customerLanguage = (context: CaptureContext | null | undefined): string | undefined =>
  context?.locale ?? context?.environment?.language ?? undefined;
export type CaptureContextInput = z.input<typeof captureContextSchema>;
