import { isAuthError, SignInRequiredError, type AuthProvider } from '../auth/authProvider';
import { ApiError, apiErrorFrom } from './errors';

type Method = 'GET' | 'POST' | 'PATCH';

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

  private async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    options?: WriteOptions,
  ): Promise<T> {
    let token: string;
    try {
      token = await this.auth.getToken();
    } catch (error) {
      if (isAuthError(error) && error instanceof Error) this.onAuthRequired(error);
      throw error;
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options?.ifMatch) headers['If-Match'] = options.ifMatch;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
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
      const error = new SignInRequiredError();
      this.onAuthRequired(error);
      throw error;
    }
    const json = await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, json);
    // The server is ours and typed from the same schema; the cast is the trust boundary.
    return json as T;
  }
}
