import { parseRetryAfter } from '../../domain/retry.js';
import type { GraphHttp, GraphResponse } from './graph-http.js';

/**
 * Many Graph requests through JSON batching (https://learn.microsoft.com/graph/json-batching): at
 * most 20 a `POST /$batch`; answers matched to requests by id, since Graph may answer in any order.
 *
 * Each inner request is throttled on its own: the envelope says 200 (or 424, as "Throttling and
 * batching" in https://learn.microsoft.com/graph/throttling has it) while some parts answer 429
 * with their own Retry-After. Those parts, and only those, are sent again in a later batch once
 * the tenant gate reopens: the gate is paused for the longest Retry-After among them, as that page
 * advises ("retry all the failed requests in a new batch after the longest retry-after value"),
 * and every other Graph call of the app waits too. A part that succeeded is never resent. Only
 * 429 and 503 are retried: SharePoint refuses a throttled request before doing any of it, while a
 * create answered 500/502/504 may have been written, so sending it again could write it twice
 * (single requests are not retried on those either). A whole-batch 429/503 is the gate
 * middleware's to wait out.
 */

export const MAX_BATCH_PARTS = 20;

export interface BatchPart {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to /v1.0, e.g. `/sites/{id}/lists/{id}/items`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface PartResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: unknown;
}

/** Graph's final answer to a part, or why there is none. */
export type PartOutcome = { ok: true; response: PartResponse } | { ok: false; error: Error };

/** A part still refused after every attempt, or lost with the batch that carried it. */
export class BatchPartError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'BatchPartError';
  }
}

export interface BatchOptions {
  /** Tries of one part, the first included (default 5, as the gate middleware). */
  maxAttempts?: number;
  /** The pause when a throttled part gives no Retry-After, doubling each try (default 2 s). */
  fallbackMs?: number;
  now?: () => number;
}

/** SharePoint's throttling answers, refused before any work (so safe to resend). */
const THROTTLED = new Set([429, 503]);

interface RawPart {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

function lowerHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    out[name.toLowerCase()] = String(value);
  return out;
}

/** Sends every part, batched, and answers in the parts' order. */
export async function sendBatched(
  http: GraphHttp,
  parts: readonly BatchPart[],
  options: BatchOptions = {},
): Promise<PartOutcome[]> {
  const maxAttempts = options.maxAttempts ?? 5;
  const fallbackMs = options.fallbackMs ?? 2_000;
  const now = options.now ?? Date.now;
  const outcomes: (PartOutcome | undefined)[] = parts.map(() => undefined);
  const attempts = parts.map(() => 0);
  // Indexes still to send, in input order: a retried part goes with the next batch.
  let pending = parts.map((_, i) => i);

  const abandon = (indexes: readonly number[], why: string, status?: number) => {
    for (const i of indexes) {
      outcomes[i] = { ok: false, error: new BatchPartError(why, status, attempts[i] ?? 0) };
    }
  };

  while (pending.length > 0) {
    const round = pending.slice(0, MAX_BATCH_PARTS);
    for (const i of round) attempts[i] = (attempts[i] ?? 0) + 1;
    const requests = round.map((i) => {
      const part = parts[i] as BatchPart;
      return {
        id: String(i),
        method: part.method,
        url: part.url,
        ...(part.body === undefined
          ? part.headers
            ? { headers: part.headers }
            : {}
          : {
              body: part.body,
              // "When the body is supplied, a Content-Type header must be included."
              headers: { 'content-type': 'application/json', ...part.headers },
            }),
      };
    });

    const unsent = pending.slice(round.length);
    let answer: GraphResponse;
    try {
      answer = await http.send('POST', '/$batch', { body: { requests } });
    } catch (error) {
      // The batch may or may not have reached Graph, and the rest are not sent after it.
      const why = error instanceof Error ? error.message : String(error);
      abandon(round, `The batch could not be sent (${why}); whether it was written is unknown.`);
      abandon(unsent, 'Not sent: an earlier batch could not be sent.');
      break;
    }
    const responses = (answer.body as { responses?: RawPart[] } | undefined)?.responses;
    if (!Array.isArray(responses)) {
      // Refused whole: after the gate's tries for a 429/503 (refused before any work), or for a
      // malformed batch (400); after anything else, whether it ran is unknown.
      const ran = THROTTLED.has(answer.status) || answer.status === 400 ? 'not written' : 'unknown';
      abandon(round, `Graph refused the batch with ${answer.status} (${ran}).`, answer.status);
      abandon(unsent, `Not sent: Graph refused an earlier batch with ${answer.status}.`);
      break;
    }

    const byId = new Map(responses.map((r) => [String(r.id), r]));
    const retry = new Set<number>();
    let pauseMs = 0;
    for (const i of round) {
      const raw = byId.get(String(i));
      const status = typeof raw?.status === 'number' ? raw.status : undefined;
      if (!raw || status === undefined) {
        // Graph answers every part; one without an answer may still have been written.
        abandon([i], 'Graph gave no answer for this part; outcome unknown.');
        continue;
      }
      const headers = lowerHeaders(raw.headers);
      if (!THROTTLED.has(status)) {
        outcomes[i] = { ok: true, response: { status, headers, body: raw.body } };
        continue;
      }
      const tries = attempts[i] ?? 1;
      if (tries >= maxAttempts) {
        abandon(
          [i],
          `Graph still answered ${status} after ${tries} attempts; not written.`,
          status,
        );
        continue;
      }
      retry.add(i);
      const given = parseRetryAfter(headers['retry-after'], now());
      pauseMs = Math.max(pauseMs, given ?? fallbackMs * 2 ** (tries - 1));
    }
    // The whole tenant waits, not only these parts: throttled calls still count against it.
    if (retry.size > 0) http.gate.pause(pauseMs);
    pending = pending.filter((i) => retry.has(i) || !round.includes(i));
  }

  return outcomes.map(
    (outcome) =>
      outcome ?? { ok: false, error: new BatchPartError('The part was never sent.', undefined, 0) },
  );
}
