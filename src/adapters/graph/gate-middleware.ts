import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { parseRetryAfter } from '../../domain/retry.js';
import type { TenantGate } from './tenant-gate.js';

export interface GateMiddlewareOptions {
  /** Tries of one request, the first included, before its 429/503 is handed back. */
  maxAttempts?: number;
  /** The wait when a 429/503 carries no usable Retry-After (doubling each try). */
  fallbackMs?: number;
}

/**
 * Graph client middleware: every request waits for the tenant gate; a 429 or 503 closes the gate
 * for Retry-After (SharePoint sends it with both: "Avoid getting throttled or blocked") and the
 * request is tried again once it opens. SharePoint refuses a throttled request before doing any
 * of it, so a retry cannot write twice. Stands in for the client's own RetryHandler, which waits
 * per request and would let every other request keep hitting the throttled tenant.
 * (Middleware chain: https://learn.microsoft.com/graph/sdks/customize-client.)
 */
export class GateMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly maxAttempts: number;
  private readonly fallbackMs: number;

  constructor(
    private readonly gate: TenantGate,
    private readonly now: () => number,
    options: GateMiddlewareOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.fallbackMs = options.fallbackMs ?? 2_000;
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('GateMiddleware needs a next middleware.');
    for (let attempt = 1; ; attempt++) {
      await this.gate.open();
      await this.next.execute(context);
      const status = context.response?.status;
      if ((status !== 429 && status !== 503) || attempt >= this.maxAttempts) return;
      const retryAfter = parseRetryAfter(context.response?.headers.get('retry-after'), this.now());
      this.gate.pause(retryAfter ?? this.fallbackMs * 2 ** (attempt - 1));
      // A request whose body was a stream cannot be sent again; ours are strings.
      context.response = undefined;
    }
  }
}
