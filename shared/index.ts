export * from "./errors.js";
export * from "./limits.js";
export * from "./context.js";
export * from "./widget-api.js";
export * from "./agent-api.js";
export * from "./timeline.js";
export * from "./metrics.js";
