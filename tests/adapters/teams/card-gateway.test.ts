import { HttpError } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/adapters/teams/card-gateway.js';

/** An error as the Agents SDK's HttpClient throws it for a non-2xx answer. */
function httpError(status: number, data: unknown = {}, headers: Record<string, string> = {}) {
  const config = { method: 'post' as const, url: 'v3/conversations/a:1/activities' };
  return new HttpError(
    `Request failed with status ${status}`,
    { data, status, statusText: '', headers: new Headers(headers), config },
    config,
  );
}

const fetchFailed = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

const now = Date.parse('2026-11-20T10:00:00Z');

describe('what a send error says about the card (Microsoft’s Bot API status codes)', () => {
  it('429 Throttled: not delivered, wait the Retry-After', () => {
    expect(
      classify(httpError(429, { error: { code: 'Throttled' } }, { 'retry-after': '3' }), now),
    ).toEqual({ kind: 'throttled', retryAfterMs: 3_000 });
    expect(classify(httpError(429), now)).toEqual({ kind: 'throttled' });
  });

  it('403 for a blocked or removed app: unreachable, in plain words, never retried', () => {
    for (const code of [
      'MessageWritesBlocked',
      'ConversationBlockedByUser',
      'BotDisabledByAdmin',
      'BotNotInConversationRoster',
      'ForbiddenOperationException',
    ]) {
      const outcome = classify(
        httpError(403, { error: { code: 'Forbidden', subCode: code } }),
        now,
      );
      expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'blocked' });
      expect((outcome as { detail: string }).detail).not.toMatch(/[A-Z][a-z]+[A-Z]/); // no codes
    }
    expect(
      classify(httpError(403, { error: { code: 'NotEnoughPermissions' } }), now),
    ).toMatchObject({ kind: 'rejected', status: 403 });
  });

  it('404 ConversationNotFound: the chat is gone', () => {
    expect(
      classify(httpError(404, { error: { code: 'ConversationNotFound' } }), now),
    ).toMatchObject({ kind: 'unreachable', reason: 'not-installed' });
  });

  it('412: not delivered, retry with backoff', () => {
    expect(classify(httpError(412), now)).toEqual({
      kind: 'not-sent',
      cause: 'server-error',
      status: 412,
    });
  });

  it('400 and 413: the card itself was refused', () => {
    expect(classify(httpError(413), now)).toMatchObject({ kind: 'rejected', status: 413 });
    expect(classify(httpError(400), now)).toMatchObject({ kind: 'rejected', status: 400 });
  });

  it('5xx: unconfirmed (the card may be there), keeping any Retry-After', () => {
    expect(classify(httpError(500), now)).toEqual({
      kind: 'ambiguous',
      cause: 'server-error',
      status: 500,
    });
    expect(classify(httpError(503, {}, { 'retry-after': '10' }), now)).toEqual({
      kind: 'ambiguous',
      cause: 'server-error',
      status: 503,
      retryAfterMs: 10_000,
    });
    expect(classify(httpError(504), now)).toMatchObject({ kind: 'ambiguous', cause: 'timeout' });
  });

  it('a connection refused never reached Teams; a connection dropped mid-request may have', () => {
    expect(classify(fetchFailed('ECONNREFUSED'), now)).toEqual({
      kind: 'not-sent',
      cause: 'connection',
    });
    expect(classify(fetchFailed('ENOTFOUND'), now)).toMatchObject({ kind: 'not-sent' });
    expect(classify(fetchFailed('UND_ERR_SOCKET'), now)).toEqual({
      kind: 'ambiguous',
      cause: 'connection',
    });
    expect(classify(new Error('something else'), now)).toMatchObject({ kind: 'ambiguous' });
  });
});
