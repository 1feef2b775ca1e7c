import type { TestServer } from '../../support/server.js';

export const SCRUTINEER = 'scrutineer@harbourside.example';
export const BUSINESS_UNIT = 'business.unit@harbourside.example';
export const POLICE_LEAD = 'aisha.noor@eastshire-police.example';

export type Item = { id: string; etag: string } & Record<string, unknown>;
export type ErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};

/** A request with an If-Match header (omitted when etag is undefined). */
export const withEtag = (
  server: TestServer,
  path: string,
  init: { method: string; token: string; body?: unknown; etag?: string | undefined },
) =>
  server.api(path, {
    method: init.method,
    token: init.token,
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.etag === undefined ? {} : { headers: { 'if-match': init.etag } }),
  });

export async function partnerIdByName(server: TestServer, token: string, name: string) {
  const res = await server.api('/api/partners', { token });
  const found = (res.json as { items: Item[] }).items.find((p) => p.name === name);
  if (!found) throw new Error(`no partner ${name}`);
  return found.id;
}

export async function newObservation(
  server: TestServer,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<Item> {
  const res = await server.api('/api/observations', {
    token,
    body: {
      text: 'Practitioners described the new escalation route as clear and quick.',
      evidenceClass: 'gone-well',
      source: 'meeting',
      ...extra,
    },
  });
  if (res.status !== 201) throw new Error(`observation not filed: ${res.status}`);
  return res.json as Item;
}

export async function newFinding(
  server: TestServer,
  token: string,
  observationIds: string[],
  extra: Record<string, unknown> = {},
): Promise<Item> {
  const res = await server.api('/api/findings', {
    token,
    body: {
      title: 'Escalation works well',
      summary: 'Practitioners and audit agree.',
      evidenceClass: 'gone-well',
      observationIds,
      ...extra,
    },
  });
  if (res.status !== 201) throw new Error(`finding not created: ${res.status}`);
  return res.json as Item;
}

export async function newDraft(
  server: TestServer,
  token: string,
  partnerIds: string[],
  extra: Record<string, unknown> = {},
): Promise<Item> {
  const res = await server.api('/api/recommendations', {
    token,
    body: {
      title: 'Agree an escalation protocol',
      text: 'Partners should publish one escalation protocol by the spring.',
      priority: 'medium',
      partnerIds,
      responseDueDate: '2099-03-31',
      ...extra,
    },
  });
  if (res.status !== 201) throw new Error(`draft not created: ${res.status}`);
  return res.json as Item;
}
