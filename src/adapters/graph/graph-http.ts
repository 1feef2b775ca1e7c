import {
  Client,
  HTTPMessageHandler,
  ResponseType,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { GateMiddleware } from './gate-middleware.js';
import { TenantGate } from './tenant-gate.js';

export interface GraphResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined for an empty one. */
  body: unknown;
}

export interface GraphHttpOptions {
  /** Graph's root, e.g. `https://graph.microsoft.com` (national clouds have their own). */
  graphUrl: string;
  /** An app-only token for Graph (certificate, managed identity or federated credential). */
  token: () => Promise<string>;
  gate?: TenantGate;
  now?: () => number;
  /** Decorates traffic as SharePoint asks (`NONISV|Company|App/Version`). */
  userAgent?: string;
}

/** Sets the bearer token on every request (the client's own handler skips non-Graph hosts). */
class TokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly token: () => Promise<string>,
    private readonly userAgent: string,
  ) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('authorization', `Bearer ${await this.token()}`);
    headers.set('user-agent', this.userAgent);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }
}

/**
 * Graph through `@microsoft/microsoft-graph-client` 3, kept behind this one class so a move to
 * the Kiota SDK stays local. Answers come back raw (status, headers, JSON) and are never thrown:
 * the repository decides what a 404, 409 or 412 means. Every request passes the tenant gate.
 */
export class GraphHttp {
  readonly gate: TenantGate;
  private readonly client: Client;
  private readonly origin: string;

  constructor(options: GraphHttpOptions) {
    this.gate = options.gate ?? new TenantGate();
    const auth = new TokenMiddleware(
      options.token,
      options.userAgent ?? 'NONISV|CriticalFriend|CriticalFriend/0.1',
    );
    const gate = new GateMiddleware(this.gate, options.now ?? Date.now);
    auth.setNext(gate);
    gate.setNext(new HTTPMessageHandler());
    this.origin = options.graphUrl.replace(/\/+$/, '');
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: `${this.origin}/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(this.origin).hostname]),
    });
  }

  /**
   * One request. `path` is relative to `/v1.0` (`/sites/...`), or a full `@odata.nextLink` /
   * `@odata.deltaLink`, which must point at this Graph.
   */
  async send(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      /** 'manual' hands back a 302 (e.g. GET .../content) instead of following it. */
      redirect?: 'manual';
    } = {},
  ): Promise<GraphResponse> {
    let request = this.client.api(this.relative(path)).responseType(ResponseType.RAW);
    if (options.redirect) request = request.option('redirect', options.redirect);
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      request = request.header(name, value);
    }
    const response = (await (method === 'GET'
      ? request.get()
      : method === 'POST'
        ? request.post(options.body)
        : method === 'PATCH'
          ? request.patch(options.body)
          : method === 'PUT'
            ? request.put(options.body)
            : request.delete())) as Response;
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }

  /** A link Graph gave back, as the path the client takes (it reads only https links itself). */
  private relative(path: string): string {
    if (!/^https?:\/\//i.test(path)) return path;
    const url = new URL(path);
    if (`${url.protocol}//${url.host}` !== new URL(this.origin).origin) {
      throw new Error('Graph gave a link to another host; refusing to follow it.');
    }
    return `${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`;
  }
}
