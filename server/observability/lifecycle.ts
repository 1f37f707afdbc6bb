/** Flipped when shutdown begins: /readyz answers 503 so the load balancer stops sending while requests drain. */
export const lifecycle = { draining: false };
