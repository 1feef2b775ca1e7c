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
  handler(req: RouteRequest<B, Q>): Promise<RouteResult>;
}

export const route = <B, Q>(r: Route<B, Q>) => r as unknown as Route;
