import { ApiError, apiErrorFrom } from '../api/errors';
import type { DevPerson, TokenResponse } from '../api/types';

// The local demo sign-in endpoints are public (there is no token yet), so they bypass ApiClient.
async function call(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(
      0,
      'network',
      'Could not reach the server. Check the connection and try again.',
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw apiErrorFrom(response.status, body);
  return body;
}

export async function fetchDevPeople(): Promise<DevPerson[]> {
  const body = await call('/dev/people', { headers: { Accept: 'application/json' } });
  if (!Array.isArray(body)) {
    throw new ApiError(
      200,
      'unexpected-response',
      'The server sent a list of people the tab does not understand.',
    );
  }
  return body as DevPerson[];
}

export async function fetchDevToken(upn: string): Promise<TokenResponse> {
  const body = await call('/dev/token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  const token = body as Partial<TokenResponse> | undefined;
  if (typeof token?.access_token !== 'string' || typeof token.expires_in !== 'number') {
    throw new ApiError(200, 'unexpected-response', 'The server did not send a token.');
  }
  return { access_token: token.access_token, expires_in: token.expires_in };
}
