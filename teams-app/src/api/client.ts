import { isAuthError, SignInRequiredError, type AuthProvider } from '../auth/authProvider';
import { ApiError, apiErrorFrom } from './errors';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** A body sent as it is (a file), with its own headers, instead of as JSON. */
interface RawBody {
  raw: Blob;
  headers: Record<string, string>;
}

/** `ifMatch`: the item's etag, for updates that must not overwrite someone else's change. */
export interface WriteOptions {
  ifMatch?: string;
  /** Lets a caller give up on a request that hangs (the outbox must not wait forever). */
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Calls `/api` with the bearer token; a refused token sends the user to sign in. */
export class ApiClient {
  constructor(
    private readonly auth: AuthProvider,
    private readonly onAuthRequired: (error: Error) => void,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown, options?: WriteOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  patch<T>(path: string, body: unknown, options?: WriteOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }

  put<T>(path: string, body: unknown, options?: WriteOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options);
  }

  /** Sends a file's bytes as the body (evidence uploads); the answer is JSON. */
  async upload<T>(path: string, file: Blob, headers: Record<string, string>): Promise<T> {
    const response = await this.send('POST', path, { raw: file, headers });
    const json = await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, json);
    return json as T;
  }

  /** List endpoints answer `{ items: [...] }`; a bare array is accepted too. */
  async getItems<T>(path: string): Promise<T[]> {
    const body = await this.get<unknown>(path);
    if (Array.isArray(body)) return body as T[];
    if (typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items)) {
      return body.items as T[];
    }
    throw new ApiError(
      200,
      'unexpected-response',
      'The server sent a list the tab does not understand.',
    );
  }

  /** A file (an Excel export, a Word report) as a Blob, for saving through an object URL. */
  async getBlob(path: string, accept = '*/*'): Promise<Blob> {
    const response = await this.send('GET', path, undefined, undefined, accept);
    if (!response.ok) throw apiErrorFrom(response.status, await readJson(response));
    return response.blob();
  }

  private async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    options?: WriteOptions,
  ): Promise<T> {
    const response = await this.send(method, path, body, options);
    const json = await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, json);
    // The server is ours and typed from the same schema; the cast is the trust boundary.
    return json as T;
  }

  /**
   * The bearer-token request. A token the API refuses as `invalid-token` (expired early, keys
   * rotated) is dropped and the request sent once more with a fresh one; a second refusal
   * sends the user to sign in.
   */
  private async send(
    method: Method,
    path: string,
    body?: unknown,
    options?: WriteOptions,
    accept = 'application/json',
    retried = false,
  ): Promise<Response> {
    const raw = isRawBody(body) ? body : undefined;
    let token: string;
    try {
      token = await this.auth.getToken();
    } catch (error) {
      if (isAuthError(error) && error instanceof Error) this.onAuthRequired(error);
      throw error;
    }
    const headers: Record<string, string> = {
      Accept: accept,
      Authorization: `Bearer ${token}`,
    };
    if (raw) Object.assign(headers, raw.headers);
    else if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options?.ifMatch) headers['If-Match'] = options.ifMatch;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: raw ? raw.raw : body === undefined ? undefined : JSON.stringify(body),
        signal: options?.signal,
      });
    } catch {
      throw new ApiError(
        0,
        'network',
        'Could not reach the server. Check the connection and try again.',
      );
    }
    if (response.status === 401) {
      this.auth.clear();
      if (!retried && (await refusedToken(response))) {
        return this.send(method, path, body, options, accept, true);
      }
      const error = new SignInRequiredError();
      this.onAuthRequired(error);
      throw error;
    }
    return response;
  }
}

/** The API's 401 `invalid-token`: a token it could not accept, as opposed to none at all. */
async function refusedToken(response: Response): Promise<boolean> {
  const body = await readJson(response);
  return apiErrorFrom(401, body).code === 'invalid-token';
}

function isRawBody(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body && body.raw instanceof Blob;
}
