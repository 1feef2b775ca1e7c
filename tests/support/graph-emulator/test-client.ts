/** What the emulator answered, for tests that call it through plain fetch (no adapter). */
export interface Answer {
  status: number;
  headers: Headers;
  // Graph's JSON is loosely typed; tests read into it freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The bearer token the emulator's tests send (any token is accepted). */
export const AUTH = { Authorization: 'Bearer test-token' };

/**
 * A plain-fetch caller for the emulator's tests: paths are relative to /v1.0 (absolute URLs, such
 * as nextLinks, go as they are); JSON bodies as JSON, bytes as bytes; redirects are not followed,
 * so a test sees the 302 Graph gives. `origin` is read at each call, as tests start a fresh emulator.
 */
export function graphCaller(origin: () => string) {
  return async function call(
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${origin()}/v1.0${pathOrUrl}`;
    const binary = body instanceof Uint8Array;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...AUTH,
        ...(body === undefined || binary ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : binary ? new Uint8Array(body) : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}
