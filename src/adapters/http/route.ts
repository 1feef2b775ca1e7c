import type { z } from 'zod';
import type { Actor } from '../../application/deps.js';

export interface RouteRequest<B, Q> {
  actor: Actor;
  body: B;
  query: Q;
  params: Record<string, string>;
  /** The If-Match request header (an item's etag), for optimistic concurrency on updates. */
  ifMatch?: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

/** One API operation: its schemas document it (OpenAPI) and validate it, from the same source. */
export interface Route<B = unknown, Q = unknown> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  response: z.ZodType;
  /** Success statuses, for the API description; default 201 for post, else 200. */
  success?: readonly (200 | 201)[];
  /** Needs the item's etag in If-Match (428 without it, 412 when stale). */
  ifMatch?: boolean;
  handler(req: RouteRequest<B, Q>): Promise<RouteResult>;
}

export const route = <B, Q>(r: Route<B, Q>) => r as unknown as Route;
