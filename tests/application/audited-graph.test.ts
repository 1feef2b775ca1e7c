import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/adapters/audit/sha256.js';
import { AuditedRepository } from '../../src/application/audited-repository.js';
import { verifyAuditTrail } from '../../src/application/use-cases/audit.js';
import { provisionedSite, type ProvisionedSite } from '../adapters/graph/support.js';

/**
 * The trail on SharePoint lists (Graph emulator): what is hashed must survive the round trip
 * (SharePoint rounds date-times to the second and hands numbers back as it likes).
 */
let site: ProvisionedSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe('the audit trail on SharePoint lists', () => {
  it('chains creates and updates, and the verifier finds them intact', async () => {
    site = await provisionedSite();
    const repo = new AuditedRepository(site.repo, { hash: sha256 });
    const ctx = {
      actorId: 'person-bu',
      homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
      channel: 'tab' as const,
      at: '2026-11-02T10:00:00.123Z',
    };
    const rec = await repo.create(
      'recommendations',
      {
        reference: 'HSCP-R-2026-01',
        title: 'Agree a protocol',
        text: 'Partners should agree one protocol.',
        priority: 'medium',
        partnerIds: ['1'],
        responseDueDate: '2027-03-31',
        status: 'issued',
        issuedAt: '2026-11-02T10:00:00.456Z',
      },
      ctx,
    );
    await repo.update('recommendations', rec.id, { priority: 'high' }, rec.etag, {
      ...ctx,
      at: '2026-11-02T10:05:00.789Z',
    });
    const result = await verifyAuditTrail(repo, sha256);
    expect(result.summary).toContain('unbroken');
    expect(result).toMatchObject({ ok: true, entries: 2, breaks: [], gaps: [], items: [] });
    const [first] = (await repo.all('auditTrail'))
      .map((i) => i.fields)
      .sort((a, b) => a.seq - b.seq);
    // Kept as text, to the millisecond: the hash covers exactly what was written.
    expect(first?.at).toBe('2026-11-02T10:00:00.123Z');
  }, 30_000);
});
