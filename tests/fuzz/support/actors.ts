import fc from 'fast-check';
import { hostileHeaderValue } from './hostile.js';

/**
 * Who sends a fuzzed request, as the Authorization header(s) it carries. Two Authorization
 * headers put the weaker first: Node keeps the first, so the request must be treated as the
 * weaker actor, and if the server ever took the second a write would show.
 */
export type ActorKind = 'scrutineer' | 'police-lead' | 'executive' | 'no-token' | 'garbage-token';

export interface FuzzActor {
  kind: ActorKind;
  label: string;
  headers: Record<string, string | string[]>;
}

export interface Tokens {
  scrutineer: string;
  policeLead: string;
  executive: string;
}

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** The token with its payload changed (signature kept) and as `alg: none` (no signature). */
function forgeries(token: string): string[] {
  const [header = '', payload = '', signature = ''] = token.split('.');
  let claims: Record<string, unknown> = {};
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    /* not a JWT: the forgeries below are garbage anyway */
  }
  const elevated = b64url(JSON.stringify({ ...claims, roles: ['scrutineer'], exp: 4102444800 }));
  return [
    `${b64url('{"alg":"none","typ":"JWT"}')}.${payload}.`,
    `${b64url('{"alg":"none","typ":"JWT"}')}.${elevated}.`,
    `${header}.${elevated}.${signature}`,
    `${b64url('{"alg":"HS256","typ":"JWT"}')}.${payload}.${signature}`,
    `${header}.${payload}`,
    `${header}.${payload}.${signature}.extra`,
    `${header}.${payload}.${signature.split('').reverse().join('')}`,
  ];
}

export function actorArbitrary(tokens: Tokens): fc.Arbitrary<FuzzActor> {
  const bearer = (t: string) => `Bearer ${t}`;
  const garbage: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer null',
      'Bearer undefined',
      'Basic c2NydXRpbmVlcjpwYXNzd29yZA==',
      'Bearer a.b.c',
      'Bearer ..',
      `bearer ${tokens.scrutineer}`,
      `Bearer  ${tokens.scrutineer}x`,
      `Token ${tokens.scrutineer}`,
      ...forgeries(tokens.scrutineer).map(bearer),
      ...forgeries(tokens.policeLead).map(bearer),
    ),
    hostileHeaderValue.map((v) => `Bearer ${v}`),
    hostileHeaderValue,
  );
  const garbageActor: fc.Arbitrary<FuzzActor> = fc
    .tuple(garbage, fc.boolean())
    .map(([auth, thenScrutineer]) =>
      thenScrutineer
        ? {
            kind: 'garbage-token',
            label: 'garbage token, then the scrutineer’s',
            headers: { authorization: [auth, bearer(tokens.scrutineer)] },
          }
        : { kind: 'garbage-token', label: 'garbage token', headers: { authorization: auth } },
    );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant<FuzzActor>({
        kind: 'scrutineer',
        label: 'scrutineer',
        headers: { authorization: bearer(tokens.scrutineer) },
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constant<FuzzActor>({
        kind: 'police-lead',
        label: 'police partner lead',
        headers: { authorization: bearer(tokens.policeLead) },
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<FuzzActor>(
        {
          kind: 'executive',
          label: 'executive',
          headers: { authorization: bearer(tokens.executive) },
        },
        {
          kind: 'executive',
          label: 'executive, then the scrutineer’s token',
          headers: { authorization: [bearer(tokens.executive), bearer(tokens.scrutineer)] },
        },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant<FuzzActor>({ kind: 'no-token', label: 'no token', headers: {} }),
    },
    { weight: 2, arbitrary: garbageActor },
  );
}
