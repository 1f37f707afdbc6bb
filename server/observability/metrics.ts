import { background } from "../lib/background.js";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The process's Prometheus registry; other modules add their own metrics to it (queue depth, SSE connections...). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequests = new Counter({
  name: "handoff_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: "handoff_http_request_duration_seconds",
  help: "Time to answer an HTTP request, by method and route pattern",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const ingestBytes = new Counter({
  name: "handoff_ingest_bytes_total",
  help: "Bytes received from widgets, by kind (ticket, recording, attachment)",
  labelNames: ["kind"] as const,
  registers: [registry],
});

export const dbPoolSize = new Gauge({
  name: "handoff_db_pool_max_connections",
  help: "Connections this process may open to PostgreSQL (1 for the embedded database)",
  registers: [registry],
});

export const httpInFlight = new Gauge({
  name: "handoff_http_requests_in_flight",
  help: "Requests this process is answering right now",
  registers: [registry],
});

export const backgroundPending = new Gauge({
  name: "handoff_background_tasks_pending",
  help: "Follow-up tasks (triage) deferred by this process and not finished yet",
  registers: [registry],
  collect() {
    this.set(background.pending);
  },
});
