import { describe, expect, it } from 'vitest';
import { mockFetch } from '../test/fetchMock';
import { fetchAuthConfig } from './authConfig';

const entra = {
  mode: 'entra',
  clientId: '00000000-0000-0000-0000-000000000001',
  tenantId: '00000000-0000-0000-0000-0000000000aa',
  authority: 'https://login.microsoftonline.com/',
  scope: 'api://tab.example/00000000-0000-0000-0000-000000000001/access_as_user',
};

const answer = (body: unknown) => mockFetch({ 'GET /auth/config': { status: 200, body } });

describe('fetchAuthConfig', () => {
  it('reads local mode and every Entra field, the authority without a trailing slash', async () => {
    answer({ mode: 'local' });
    await expect(fetchAuthConfig()).resolves.toEqual({ mode: 'local' });
    answer(entra);
    await expect(fetchAuthConfig()).resolves.toEqual({
      ...entra,
      authority: 'https://login.microsoftonline.com',
    });
  });

  it('keeps an incomplete Entra config as it is (the shell says sign-in is not configured)', async () => {
    answer({ mode: 'entra', clientId: entra.clientId });
    await expect(fetchAuthConfig()).resolves.toEqual({ mode: 'entra', clientId: entra.clientId });
  });

  it.each([
    ['an http authority', { ...entra, authority: 'http://login.example' }],
    ['an authority with a query', { ...entra, authority: 'https://login.example/?x=1' }],
    ['a numeric scope', { ...entra, scope: 42 }],
    ['a scope with spaces', { ...entra, scope: 'a b' }],
    ['a tenant with a slash', { ...entra, tenantId: 'evil/../x' }],
    ['an unknown mode', { mode: 'saml' }],
    ['no body', null],
  ])('refuses %s', async (_name, body) => {
    answer(body);
    await expect(fetchAuthConfig()).rejects.toThrow(/does not understand/);
  });
});
