import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Route = Reply | ((call: RecordedCall) => Reply);

function headersOf(init: RequestInit | undefined): Record<string, string> {
  // Lower-case names, as HTTP treats them (happy-dom's Headers keeps the caller's case).
  return Object.fromEntries(
    [...new Headers(init?.headers).entries()].map(([k, v]) => [k.toLowerCase(), v]),
  );
}

/**
 * Replaces fetch with a table of `"METHOD /path"` → reply. Unknown requests get a 404 so a
 * missing route shows up as a failed assertion, not a hang.
 */
export function mockFetch(routes: Record<string, Route>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input.toString(),
      window.location.origin,
    );
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname + url.search;
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const call: RecordedCall = {
      method,
      path,
      headers: headersOf(init),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    calls.push(call);
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${url.pathname}`];
    const reply =
      typeof route === 'function'
        ? route(call)
        : (route ?? {
            status: 404,
            body: { error: { code: 'not-found', message: `No route for ${method} ${path}` } },
          });
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    callsTo: (method: string, path: string) =>
      calls.filter((c) => c.method === method && c.path === path),
  };
}

/** An item as the API returns it: schema fields plus the bookkeeping ones. */
export function item<T extends object>(id: string, fields: T) {
  return {
    id,
    etag: `"${id}-1"`,
    version: 1,
    createdAt: '2026-05-14T09:00:00.000Z',
    modifiedAt: '2026-05-14T09:00:00.000Z',
    modifiedBy: 'person-scrutineer',
    ...fields,
  };
}

export const partners = [
  item('partner-council', { name: 'Harbourside Council', kind: 'local-authority' }),
  item('partner-police', { name: 'Harbourside Police', kind: 'police' }),
  item('partner-icb', { name: 'Harbourside ICB', kind: 'health' }),
];
