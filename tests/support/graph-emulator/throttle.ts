import { GraphError } from './errors.js';

/**
 * Throttling and fault injection.
 *
 * Two sources of 429s:
 * - `throttle()`: the next N matching requests answer 429 (or 503) with Retry-After, in the shape
 *   of Graph's sample throttled response (https://learn.microsoft.com/graph/throttling, "Sample
 *   response": code "TooManyRequests", message "Please retry again later.", innerError code and
 *   status "429").
 * - `budget()`: SharePoint's resource-unit limit per app per minute
 *   (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online,
 *   "Resource units"): 1 RU for a single-item query such as get item, and for delta with a
 *   token; 2 RU for a multi-item query such as list children (delta without a token included)
 *   and for create, update, delete. "Throttled requests count towards usage limits", and
 *   requests in a $batch are costed one by one. Past the budget the answer is 429 with
 *   Retry-After. Graph's error for a SharePoint throttle is `activityLimitReached` ("The app or
 *   user has been throttled", https://learn.microsoft.com/graph/errors), with the detailed code
 *   `throttledRequest` and the message "The request has been throttled" reported for SharePoint
 *   (microsoftgraph/msgraph-sdk-dotnet#703). At 80% of the minute's budget the same page's
 *   (preview) RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset headers are added.
 *
 * In a $batch, each inner request meets these rules on its own ("Requests in a batch are
 * evaluated individually against the applicable throttling limits and if any request exceeds the
 * limits, it fails with a status of 429", https://learn.microsoft.com/graph/json-batching); the
 * envelope itself is only affected by a rule whose `match` names "/$batch".
 */

export type OperationKind =
  'get' | 'query' | 'write' | 'deltaWithToken' | 'deltaWithoutToken' | 'batch';

export interface OperationInfo {
  method: string;
  /** Path after "/v1.0", e.g. "/sites/{id}/lists/{id}/items". */
  path: string;
  kind: OperationKind;
  inBatch: boolean;
}

export type Match =
  | { method?: string; path?: string | RegExp; inBatch?: boolean }
  | ((operation: OperationInfo) => boolean);

export interface ThrottleOptions {
  /** How many matching requests to refuse. */
  count: number;
  status?: 429 | 503;
  /** Retry-After, in whole seconds (0 allowed, for tests). Default 1. */
  retryAfterSeconds?: number;
  match?: Match;
  /** Error code; default "TooManyRequests" (429) or "serviceNotAvailable" (503). */
  code?: string;
}

export interface FailOptions {
  count: number;
  status: 500 | 502 | 504;
  match?: Match;
}

export interface ResourceCosts {
  get: number;
  query: number;
  write: number;
  deltaWithToken: number;
  deltaWithoutToken: number;
}

/** The Graph costs in the SharePoint throttling page's "Resource units" table. */
export const SHAREPOINT_RESOURCE_UNITS: ResourceCosts = {
  get: 1,
  query: 2,
  write: 2,
  deltaWithToken: 1,
  deltaWithoutToken: 2,
};

export interface BudgetOptions {
  /** Resource units per app per minute (the page's table: 1,200 for 0-1,000 licences). */
  unitsPerMinute: number;
  cost?: Partial<ResourceCosts>;
}

interface CountedRule<T> {
  remaining: number;
  options: T;
}

export interface Admission {
  error?: GraphError;
  /** Resource units charged (budget mode), 0 otherwise. */
  units: number;
  /** Headers for a successful answer (RateLimit-* near the budget). */
  headers: Record<string, string>;
}

const WINDOW_MS = 60_000;

function matches(match: Match | undefined, op: OperationInfo): boolean {
  if (typeof match === 'function') return match(op);
  if (op.kind === 'batch') {
    // The envelope is only hit by a rule that names it.
    if (!match?.path) return false;
  }
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== op.method) return false;
  if (match.inBatch !== undefined && match.inBatch !== op.inBatch) return false;
  if (match.path instanceof RegExp) return match.path.test(op.path);
  if (typeof match.path === 'string') return op.path.includes(match.path);
  return true;
}

export class Injector {
  private throttles: CountedRule<ThrottleOptions>[] = [];
  private failures: CountedRule<FailOptions>[] = [];
  private budgetOptions: { unitsPerMinute: number; cost: ResourceCosts } | undefined;
  private ledger: { at: number; units: number }[] = [];
  private delayMs = 0;

  /** The next `count` matching requests answer 429 (or 503) with Retry-After. */
  throttle(options: ThrottleOptions): void {
    this.throttles.push({ remaining: options.count, options });
  }

  /** The next `count` matching requests answer 500, 502 or 504. */
  fail(options: FailOptions): void {
    this.failures.push({ remaining: options.count, options });
  }

  /** Turns on (or, with null, off) the resource-unit budget. */
  budget(options: BudgetOptions | null): void {
    this.ledger = [];
    this.budgetOptions = options
      ? {
          unitsPerMinute: options.unitsPerMinute,
          cost: { ...SHAREPOINT_RESOURCE_UNITS, ...options.cost },
        }
      : undefined;
  }

  /** Delay before every answer (the envelope of a batch counts once). */
  latency(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  get latencyMs(): number {
    return this.delayMs;
  }

  /** Units spent in the minute before `now` (budget mode). */
  unitsUsed(now: number): number {
    return this.window(now).reduce((sum, entry) => sum + entry.units, 0);
  }

  reset(): void {
    this.throttles = [];
    this.failures = [];
    this.budgetOptions = undefined;
    this.ledger = [];
    this.delayMs = 0;
  }

  /** Decides, before it runs, whether an operation is refused. */
  admit(op: OperationInfo, now: number): Admission {
    const headers: Record<string, string> = {};
    let units = 0;
    let error: GraphError | undefined;
    const budget = this.budgetOptions;
    if (budget && op.kind !== 'batch') {
      units = budget.cost[op.kind];
      const used = this.unitsUsed(now);
      // The request is charged whether or not it is served: throttled requests count.
      this.ledger.push({ at: now, units });
      if (used + units > budget.unitsPerMinute) {
        error = new GraphError(
          429,
          'activityLimitReached',
          'The request has been throttled',
          { 'Retry-After': String(this.retryAfter(now, units, budget.unitsPerMinute)) },
          { code: 'throttledRequest' },
        );
      } else if (used + units >= 0.8 * budget.unitsPerMinute) {
        const first = this.window(now)[0];
        headers['RateLimit-Limit'] = String(budget.unitsPerMinute);
        headers['RateLimit-Remaining'] = String(budget.unitsPerMinute - used - units);
        headers['RateLimit-Reset'] = String(
          Math.max(1, Math.ceil(((first?.at ?? now) + WINDOW_MS - now) / 1000)),
        );
      }
    }
    if (!error) error = this.take(this.throttles, op, (o) => throttleError(o));
    if (!error) error = this.take(this.failures, op, (o) => failureError(o.status));
    return { error, units, headers };
  }

  private take<T extends { match?: Match }>(
    rules: CountedRule<T>[],
    op: OperationInfo,
    make: (options: T) => GraphError,
  ): GraphError | undefined {
    const rule = rules.find((r) => r.remaining > 0 && matches(r.options.match, op));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return make(rule.options);
  }

  private window(now: number) {
    this.ledger = this.ledger.filter((entry) => entry.at > now - WINDOW_MS);
    return this.ledger;
  }

  /** Seconds until a request of `units` would fit again, counting every charge so far. */
  private retryAfter(now: number, units: number, limit: number): number {
    const entries = this.window(now);
    let total = entries.reduce((sum, entry) => sum + entry.units, 0);
    for (const entry of entries) {
      total -= entry.units;
      if (total + units <= limit) {
        return Math.max(1, Math.ceil((entry.at + WINDOW_MS - now) / 1000));
      }
    }
    return Math.ceil(WINDOW_MS / 1000);
  }
}

function throttleError(options: ThrottleOptions): GraphError {
  const status = options.status ?? 429;
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  if (status === 503) {
    // "The service is temporarily unavailable ... You may repeat the request after a delay, the
    // length of which may be specified in a Retry-After header." (concepts/errors.md)
    return new GraphError(
      503,
      options.code ?? 'serviceNotAvailable',
      'The service is temporarily unavailable. Please retry after some time.',
      { 'Retry-After': retryAfter },
    );
  }
  return new GraphError(
    429,
    options.code ?? 'TooManyRequests',
    'Please retry again later.',
    { 'Retry-After': retryAfter },
    { code: '429', status: '429' },
  );
}

/** Server failures; their codes are the nearest in concepts/errors.md (not documented per status). */
function failureError(status: 500 | 502 | 504): GraphError {
  if (status === 500) {
    return new GraphError(500, 'generalException', 'General exception while processing');
  }
  return new GraphError(
    status,
    'serviceNotAvailable',
    status === 502 ? 'Bad gateway.' : 'The upstream service did not answer in time.',
  );
}
