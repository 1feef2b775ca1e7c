import type { Request, RequestHandler, Response } from 'express';
import { take, tokenBucket, type TokenBucket } from '../../domain/rate-limit.js';
import { sendError } from './authenticate.js';

/** Requests a minute; each is also the burst allowed at once (a full bucket). */
export interface RateLimits {
  /** RATE_LIMIT_READS_PER_MINUTE: GETs (and the guard check, which stores nothing), per person. */
  readsPerMinute: number;
  /** RATE_LIMIT_WRITES_PER_MINUTE: every other method, per person. */
  writesPerMinute: number;
  /** RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: per address: failed sign-ins, demo tokens, bad links. */
  unauthenticatedPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  readsPerMinute: 600,
  writesPerMinute: 120,
  unauthenticatedPerMinute: 60,
};

/** Keys kept at most per limiter: an attacker with many addresses cannot grow memory past it. */
export const MAX_KEYS = 10_000;

/**
 * One token bucket per key (a person, an address). A bucket that has filled up again is the same
 * as a new one, so idle keys are dropped on a sweep; past MAX_KEYS the least recently used goes.
 */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly rate: number;
  private sweptAt = 0;

  constructor(
    readonly perMinute: number,
    private readonly maxKeys = MAX_KEYS,
  ) {
    this.rate = perMinute / 60;
  }

  /** Takes one request's token: 0 when allowed, else the ms to wait (nothing is taken). */
  take(key: string, now: number): number {
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? tokenBucket(this.rate, this.perMinute, now);
    const result = take(bucket, now);
    // Re-inserted so the Map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, result.bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return result.ok ? 0 : result.waitMs;
  }

  /** What `take` would answer now, without taking anything. */
  peek(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const result = take(bucket, now);
    return result.ok ? 0 : result.waitMs;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    const refillMs = (this.perMinute / this.rate) * 1000;
    for (const [key, bucket] of this.buckets)
      if (now - bucket.at >= refillMs) this.buckets.delete(key);
  }
}

/** 429 with Retry-After in whole seconds and a plain message. */
export function sendRateLimited(res: Response, waitMs: number): void {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  res.setHeader('Retry-After', String(seconds));
  sendError(
    res,
    429,
    'rate-limited',
    `Too many requests. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
  );
}

/** Reads change nothing: GET, HEAD and the guard check (text in, spans out). */
const isRead = (req: Request) =>
  req.method === 'GET' ||
  req.method === 'HEAD' ||
  (req.method === 'POST' && req.path === '/checks/identifiable-data');

/** The address a request came from (behind a proxy: as `trust proxy` lets Express read it). */
const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export interface HttpRateLimiters {
  /** After authentication: per person, writes stricter than reads. */
  perPerson: RequestHandler;
  /** Before anything else, for requests nobody is signed in to make (the demo token endpoint). */
  perAddress: RequestHandler;
  /**
   * Around authentication: each refusal (401, or a response link that is not valid) costs the
   * address a token; once its tokens are gone, failures answer 429 instead. `isValid` lets a
   * person with a good token through even then, so one noisy client behind a shared address
   * (an office's proxy) cannot lock everyone else out.
   */
  failures(isValid: (req: Request) => Promise<boolean>): RequestHandler;
}

export function httpRateLimiters(
  limits: RateLimits,
  clock: () => number = Date.now,
): HttpRateLimiters {
  const reads = new KeyedLimiter(limits.readsPerMinute);
  const writes = new KeyedLimiter(limits.writesPerMinute);
  const addresses = new KeyedLimiter(limits.unauthenticatedPerMinute);
  const linkPath = /^\/respond-links\//;

  return {
    perPerson: (req, res, next) => {
      const actor = (req as Request & { actor?: { id: string } }).actor;
      if (!actor) return next();
      const wait = (isRead(req) ? reads : writes).take(actor.id, clock());
      if (wait > 0) return sendRateLimited(res, wait);
      next();
    },
    perAddress: (req, res, next) => {
      const wait = addresses.take(addressOf(req), clock());
      if (wait > 0) return sendRateLimited(res, wait);
      next();
    },
    failures: (isValid) => async (req, res, next) => {
      const address = addressOf(req);
      res.on('finish', () => {
        const failed =
          res.statusCode === 401 || (res.statusCode === 400 && linkPath.test(req.path));
        if (failed) addresses.take(address, clock());
      });
      const wait = addresses.peek(address, clock());
      if (wait === 0) return next();
      try {
        // Over the budget: response links wait regardless (they are what would be guessed).
        if (!linkPath.test(req.path) && (await isValid(req))) return next();
      } catch {
        /* an unreadable token is not a valid one */
      }
      sendRateLimited(res, wait);
    },
  };
}
