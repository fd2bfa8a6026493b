/** Counters kept by a transport; read them for progress lines and benchmarks. */
export interface TransportMetrics {
  /** HTTP requests sent (every attempt counts). */
  requests: number;
  /** Attempts that were retries of an earlier one. */
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Responses by status class: `2xx`, `4xx`, `5xx`, and `network` for attempts without a response. */
  responses: Record<string, number>;
}

export function createMetrics(): TransportMetrics {
  return { requests: 0, retries: 0, rateLimited: 0, responses: {} };
}
