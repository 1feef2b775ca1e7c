import { Agent, request } from 'node:http';

/**
 * One request exactly as written: node:http sends the path verbatim (fetch would resolve `..` and
 * re-encode), repeats a header given as an array, and sends any bytes as the body.
 */
export interface RawRequest {
  method: string;
  /** Path and query, already encoded as they should go on the wire. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function sendRaw(baseUrl: string, r: RawRequest): Promise<RawResponse> {
  const base = new URL(baseUrl);
  // Node's client sends a GET's body unframed (no chunking): give every body its length.
  const body = r.body === undefined ? undefined : Buffer.from(r.body);
  const headers = body ? { 'content-length': String(body.length), ...r.headers } : r.headers;
  return new Promise((ok, fail) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          ok({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text,
            json,
          });
        });
        res.on('error', fail);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer in 30 s: ${r.method} ${r.path.slice(0, 120)}`)),
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** What is wrong with a 4xx answer's body, or undefined when it is `{error:{code,message}}`. */
export function errorBodyProblem(res: RawResponse): string | undefined {
  if (!res.contentType.includes('application/json'))
    return `content-type ${res.contentType || 'none'}, body ${JSON.stringify(res.text.slice(0, 200))}`;
  const error = (res.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') return `no error object: ${res.text.slice(0, 200)}`;
  if (typeof error.code !== 'string' || error.code === '')
    return `no error code: ${res.text.slice(0, 200)}`;
  if (typeof error.message !== 'string' || error.message.trim() === '')
    return `no error message: ${res.text.slice(0, 200)}`;
  return undefined;
}

/** A short, printable description of a request for failure messages (bodies cut short). */
export function describeRequest(r: RawRequest): string {
  const body =
    r.body === undefined
      ? ''
      : typeof r.body === 'string'
        ? ` body ${JSON.stringify(r.body.length > 300 ? `${r.body.slice(0, 300)}…(${r.body.length} chars)` : r.body)}`
        : ` body ${r.body.length} bytes`;
  const headers = Object.entries(r.headers)
    .map(([k, v]) => {
      const shown = (Array.isArray(v) ? v : [v]).map((x) =>
        k.toLowerCase() === 'authorization' ? `${x.slice(0, 16)}…` : x.slice(0, 80),
      );
      return `${k}: ${shown.join(' | ')}`;
    })
    .join('; ');
  const path = r.path.length > 300 ? `${r.path.slice(0, 300)}…(${r.path.length} chars)` : r.path;
  return `${r.method} ${path} [${headers}]${body}`;
}
