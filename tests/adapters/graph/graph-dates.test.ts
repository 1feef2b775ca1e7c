import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeContext } from '../../../src/application/ports/repository.js';
import { provisionedSite, type ProvisionedSite } from './support.js';

/**
 * Date-only columns on a London site: SharePoint gives 1 June back as "2026-05-31T23:00:00Z"
 * (the emulator does the same, see tests/support/graph-emulator/dates.ts). The adapter must still
 * read, filter and keep the day the user chose, in summer and in winter.
 */
const ctx: ChangeContext = {
  actorId: 'actor-business-unit',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'tab',
  at: '2026-02-10T09:00:00Z',
};

let site: ProvisionedSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe('date-only columns on a site in Europe/London', () => {
  it('stores the day as London midnight and reads back the same day, summer and winter', async () => {
    site = await provisionedSite();
    const summer = await site.repo.create(
      'chairTerms',
      { personId: 'p-1', startsOn: '2026-06-01', endsOn: '2026-10-25' },
      ctx,
    );
    const winter = await site.repo.create(
      'chairTerms',
      { personId: 'p-2', startsOn: '2026-01-15' },
      ctx,
    );
    // What SharePoint holds (through the emulator, as a Graph client would see it).
    const raw = await site.http.send(
      'GET',
      `/sites/${encodeURIComponent(site.siteId)}/lists/CF Chair Terms/items/${summer.id}?expand=fields`,
    );
    expect((raw.body as { fields: Record<string, unknown> }).fields.startsOn).toBe(
      '2026-05-31T23:00:00Z',
    );
    expect((await site.repo.get('chairTerms', summer.id))?.fields).toMatchObject({
      startsOn: '2026-06-01',
      endsOn: '2026-10-25',
    });
    expect((await site.repo.get('chairTerms', winter.id))?.fields.startsOn).toBe('2026-01-15');
    const updated = await site.repo.update(
      'chairTerms',
      winter.id,
      { endsOn: '2026-03-30' },
      winter.etag,
      ctx,
    );
    expect(updated.fields.endsOn).toBe('2026-03-30');
  });

  it('finds items by a date, and only that date, whichever side of the clock change', async () => {
    site = await provisionedSite();
    for (const [i, day] of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-06-01'].entries()) {
      await site.repo.create('chairTerms', { personId: `p-${i}`, startsOn: day }, ctx);
    }
    for (const day of ['2026-03-29', '2026-03-30', '2026-06-01']) {
      const found = await site.repo.all('chairTerms', { field: 'startsOn', equals: day });
      expect(found.map((f) => f.fields.startsOn)).toEqual([day]);
    }
    expect(await site.repo.all('chairTerms', { field: 'startsOn', equals: '2026-05-31' })).toEqual(
      [],
    );
  });
});
