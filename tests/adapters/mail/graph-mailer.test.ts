import { describe, expect, it } from 'vitest';
import { GraphMailer } from '../../../src/adapters/mail/graph-mailer.js';

const email = {
  key: 'response-link:link-1',
  to: 'aisha.noor@eastshire-police.example',
  subject: 'Recommendation HSCP-R-2026-03: your response is needed by 30 June 2026',
  body: 'Dear Aisha Noor,\n\nOpen this link:\nhttps://cf.example/respond?t=abc',
  recommendationId: 'rec-1',
};

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init: init ?? {} });
    return reply();
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const mailer = (fetch: typeof globalThis.fetch, token = () => Promise.resolve('graph-token')) =>
  new GraphMailer({
    graphUrl: 'https://graph.microsoft.com/',
    sender: 'scrutiny@harbourside.example',
    token,
    fetch,
  });

describe('the Graph mailer', () => {
  it('posts the documented sendMail request and takes 202 as sent', async () => {
    const { fetch, seen } = fakeFetch(() => new Response(null, { status: 202 }));
    expect(await mailer(fetch).send(email)).toEqual({ ok: true, via: 'graph' });
    expect(seen).toHaveLength(1);
    const [{ url, init }] = seen as [Seen];
    expect(url).toBe(
      'https://graph.microsoft.com/v1.0/users/scrutiny%40harbourside.example/sendMail',
    );
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({
      authorization: 'Bearer graph-token',
      'content-type': 'application/json',
    });
    expect(JSON.parse(String(init.body))).toEqual({
      message: {
        subject: email.subject,
        body: { contentType: 'Text', content: email.body },
        toRecipients: [{ emailAddress: { address: 'aisha.noor@eastshire-police.example' } }],
      },
    });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('says when a retry could help, with Graph’s Retry-After', async () => {
    const throttled = fakeFetch(
      () =>
        new Response(JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }), {
          status: 429,
          headers: { 'retry-after': '7', 'content-type': 'application/json' },
        }),
    );
    expect(await mailer(throttled.fetch).send(email)).toEqual({
      ok: false,
      retryable: true,
      reason: 'Graph answered 429 TooManyRequests',
      retryAfterMs: 7000,
    });
    const down = fakeFetch(() => new Response('', { status: 503 }));
    expect(await mailer(down.fetch).send(email)).toMatchObject({ ok: false, retryable: true });
  });

  it('says when the setup is wrong, naming the code but never Graph’s message', async () => {
    const denied = fakeFetch(
      () =>
        new Response(
          JSON.stringify({
            error: { code: 'ErrorAccessDenied', message: `Access to ${email.to} denied` },
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
    );
    const outcome = await mailer(denied.fetch).send(email);
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      reason: 'Graph answered 403 ErrorAccessDenied',
    });
  });

  it('turns a dropped connection or a missing token into a retryable failure', async () => {
    const dropped = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await mailer(dropped.fetch).send(email)).toEqual({
      ok: false,
      retryable: true,
      reason: 'connection',
    });
    const unused = fakeFetch(() => new Response(null, { status: 202 }));
    const noToken = mailer(unused.fetch, () => Promise.reject(new Error('no identity')));
    expect(await noToken.send(email)).toEqual({
      ok: false,
      retryable: true,
      reason: 'no Graph token',
    });
    expect(unused.seen).toEqual([]);
  });
});
