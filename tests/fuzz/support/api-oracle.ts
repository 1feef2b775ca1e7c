import type { FuzzRequest } from './api-requests.js';
import { describeRequest, errorBodyProblem, sendRaw, type RawResponse } from './raw-http.js';
import type { StoreWatch } from './store-watch.js';

/**
 * Writes anyone signed in may make, with the reason (as in tests/adapters/http/visibility.test.ts):
 * an executive may get a 2xx on these, but must still write nothing.
 */
export const OPEN_WRITES = new Set([
  'POST /api/checks/identifiable-data', // checks text as it is typed; stores nothing
  'POST /api/respond-links/{token}/response', // the signed link decides; a made-up one opens nothing
]);

/** Refusals Node's HTTP parser makes before the app sees the request (no JSON body possible). */
const NODE_REFUSALS = new Set([431]);

export interface Sent {
  req: FuzzRequest;
  res: RawResponse;
  wrote: boolean;
}

/**
 * Sends one request and says everything wrong with the answer: a 5xx, a 4xx without
 * `{error:{code,message}}`, a write by a refused request or by someone who may not write.
 */
export async function sendAndJudge(
  baseUrl: string,
  store: StoreWatch,
  req: FuzzRequest,
): Promise<{ sent?: Sent; problems: string[] }> {
  const before = store.version();
  let res: RawResponse;
  try {
    res = await sendRaw(baseUrl, req.raw);
  } catch (e) {
    return { problems: [`no answer (${(e as Error).message})`] };
  }
  const wrote = store.version() !== before;
  const problems: string[] = [];
  const { kind } = req.actor;
  if (res.status >= 500) problems.push(`status ${res.status}: ${res.text.slice(0, 300)}`);
  if (res.status >= 400 && res.status < 500 && !NODE_REFUSALS.has(res.status)) {
    const p = errorBodyProblem(res);
    if (p) problems.push(`status ${res.status} without a clear error body: ${p}`);
  }
  if (wrote && res.status >= 400)
    problems.push(`refused with ${res.status} but something was written`);
  if (wrote && (kind === 'executive' || kind === 'no-token' || kind === 'garbage-token'))
    problems.push(
      `a write by someone who may write nothing (${req.actor.label}), status ${res.status}`,
    );
  if (res.status < 400 && (kind === 'no-token' || kind === 'garbage-token'))
    problems.push(`answered ${res.status} to ${req.actor.label}`);
  if (kind === 'executive' && req.op.write && !OPEN_WRITES.has(req.op.key) && res.status < 400)
    problems.push(`an executive's write answered ${res.status}`);
  // A legitimate write may finish in the background (deliveries): let it land before the next.
  if (wrote || (res.status < 300 && req.op.write)) await store.settle();
  return { sent: { req, res, wrote }, problems };
}

export const describeFuzz = (req: FuzzRequest) =>
  `${req.actor.label}, body ${req.bodyKind}: ${describeRequest(req.raw)}`;
