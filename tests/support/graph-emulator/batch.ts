import { badRequest, GraphError } from './errors.js';

/**
 * POST /v1.0/$batch, as https://learn.microsoft.com/graph/json-batching
 * (microsoft-graph-docs-contrib `concepts/json-batching.md`, 2025 version) describes it:
 *
 * - "A JSON batch request body consists of a single JSON object with one required property:
 *   requests." Each has `id` (required, "Must be unique in the batch, otherwise, the batch request
 *   fails with a 400 error code"), `method`, `url` (relative, "/users"), optional `headers`
 *   ("required when the body is specified ... a Content-Type header must be included") and
 *   `body`, and optional `dependsOn`.
 * - "JSON batch requests are currently limited to 20 individual requests." A batch past that is
 *   malformed: "If the batch request itself is malformed, the status code is 400." (The exact
 *   message is not documented.)
 * - "Individual responses might appear in a different order than the requests": the emulator
 *   answers in reverse order by default, so a client that matches by position fails.
 * - "If an individual request fails, any request that depends on that request fails with status
 *   code 424 (Failed Dependency)."
 * - "Requests in a batch are evaluated individually against the applicable throttling limits":
 *   each inner request goes through the same admission as a top-level one (`throttle.ts`), so the
 *   batch answers 200 while an inner request is a 429 with its own Retry-After (in the part's
 *   `headers`: "retry each failed request from the batch using the value provided in the
 *   retry-after response header from the JSON content", https://learn.microsoft.com/graph/throttling,
 *   "Throttling and batching"). That page also says the batch itself then fails with 424; the
 *   emulator keeps json-batching.md's 200 for a parseable batch, and clients should accept both.
 *
 * Inner URLs are taken relative to /v1.0; a leading "/v1.0" is accepted too, because
 * @microsoft/microsoft-graph-client 3's BatchRequestContent strips only scheme and host from a
 * Request's URL (real-service behaviour for that form is not documented).
 */

export const MAX_BATCH_REQUESTS = 20;

export interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export interface InnerResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseBatch(payload: unknown): InnerRequest[] {
  if (!isRecord(payload) || !Array.isArray(payload.requests)) {
    throw badRequest("Invalid batch payload: a 'requests' array is required.");
  }
  const raw = payload.requests;
  if (raw.length === 0) throw badRequest('Invalid batch payload: the batch is empty.');
  if (raw.length > MAX_BATCH_REQUESTS) {
    throw badRequest(
      `Invalid batch payload: a batch holds at most ${MAX_BATCH_REQUESTS} requests, not ${raw.length}.`,
    );
  }
  const seen = new Set<string>();
  const requests = raw.map((entry): InnerRequest => {
    if (!isRecord(entry)) throw badRequest('Invalid batch payload: each request is a JSON object.');
    const { id, method, url, headers, body, dependsOn } = entry;
    if (typeof id !== 'string' || id === '') throw badRequest("Each batch request needs an 'id'.");
    const key = id.toLowerCase(); // "Not case-sensitive."
    if (seen.has(key)) throw badRequest(`Batch request ids must be unique: '${id}' is repeated.`);
    seen.add(key);
    if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) {
      throw badRequest(`Batch request '${id}' needs a valid 'method'.`);
    }
    if (typeof url !== 'string' || url === '')
      throw badRequest(`Batch request '${id}' needs a 'url'.`);
    if (/^https?:/i.test(url)) {
      throw badRequest(`Batch request '${id}': the url must be relative, e.g. "/sites/...".`);
    }
    if (headers !== undefined && !isRecord(headers)) {
      throw badRequest(`Batch request '${id}': 'headers' must be an object.`);
    }
    const lowered: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers ?? {})) lowered[k.toLowerCase()] = String(v);
    if (body !== undefined && lowered['content-type'] === undefined) {
      throw badRequest(`Batch request '${id}' has a body but no Content-Type header.`);
    }
    if (
      dependsOn !== undefined &&
      (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
    ) {
      throw badRequest(`Batch request '${id}': 'dependsOn' must be an array of ids.`);
    }
    return {
      id,
      method: method.toUpperCase(),
      url,
      headers: lowered,
      body,
      dependsOn: (dependsOn as string[] | undefined) ?? [],
    };
  });
  const ids = new Map(requests.map((r) => [r.id.toLowerCase(), r]));
  for (const request of requests) {
    for (const dep of request.dependsOn) {
      if (!ids.has(dep.toLowerCase())) {
        throw badRequest(`Batch request '${request.id}' depends on unknown request '${dep}'.`);
      }
    }
  }
  // Refuse cycles: every request must be reachable in dependency order.
  const done = new Set<string>();
  let progressed = true;
  while (done.size < requests.length && progressed) {
    progressed = false;
    for (const request of requests) {
      const key = request.id.toLowerCase();
      if (done.has(key)) continue;
      if (request.dependsOn.every((d) => done.has(d.toLowerCase()))) {
        done.add(key);
        progressed = true;
      }
    }
  }
  if (done.size < requests.length) throw badRequest('Batch requests have circular dependencies.');
  return requests;
}

/** Runs a parsed batch: dependencies first; responses in `order`. */
export async function runBatch(
  requests: InnerRequest[],
  execute: (request: InnerRequest) => Promise<InnerResponse>,
  failedDependency: (request: InnerRequest) => GraphError,
  errorResponse: (error: GraphError) => InnerResponse,
  order: 'reverse' | 'request',
): Promise<{ responses: (InnerResponse & { id: string })[] }> {
  const results = new Map<string, InnerResponse>();
  const executed: string[] = [];
  const pending = [...requests];
  while (pending.length > 0) {
    const index = pending.findIndex((r) => r.dependsOn.every((d) => results.has(d.toLowerCase())));
    const request = pending.splice(index, 1)[0] as InnerRequest;
    const failed = request.dependsOn.some(
      (d) => (results.get(d.toLowerCase())?.status ?? 0) >= 400,
    );
    const response = failed ? errorResponse(failedDependency(request)) : await execute(request);
    results.set(request.id.toLowerCase(), response);
    executed.push(request.id);
  }
  const ids = order === 'reverse' ? [...executed].reverse() : requests.map((r) => r.id);
  return {
    responses: ids.map((id) => ({ id, ...(results.get(id.toLowerCase()) as InnerResponse) })),
  };
}
