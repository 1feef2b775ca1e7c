import { describe, expect, it } from 'vitest';
import { mergeIntoFinding } from '../../src/domain/findings.js';
import type { Finding, Observation, WithId } from '../../src/domain/lists/schema.js';
import type { EvidenceSource } from '../../src/domain/vocabulary.js';

const finding: WithId<Finding> = {
  id: 'f1',
  title: 'Strategy discussions',
  summary: 'Seen in audit.',
  evidenceClass: 'worry',
  observationIds: ['o0'],
  partnerIds: ['police'],
  sources: ['audit'],
};
const obs = (
  id: string,
  source: EvidenceSource,
  partnerIds: string[],
  extra: Partial<Observation> = {},
): WithId<Observation> => ({
  id,
  text: 'Seen at the visit.',
  evidenceClass: 'worry',
  source,
  partnerIds,
  observedAt: '2026-09-09T14:10:00+01:00',
  status: 'open',
  ...extra,
});

describe('mergeIntoFinding', () => {
  it('unions observations, partners and sources without duplicates', () => {
    const r = mergeIntoFinding(finding, [
      obs('o1', 'practitioners', ['police', 'council']),
      obs('o2', 'audit', ['icb']),
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        finding: {
          observationIds: ['o0', 'o1', 'o2'],
          partnerIds: ['police', 'council', 'icb'],
          sources: ['audit', 'practitioners'],
        },
        toPromote: ['o1', 'o2'],
      },
    });
  });

  it('refuses an observation promoted elsewhere, naming it', () => {
    const r = mergeIntoFinding(finding, [
      obs('o1', 'audit', []),
      obs('o7', 'data', [], { status: 'promoted', findingId: 'f9' }),
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('illegal-transition');
      expect(r.error.message).toContain('o7');
    }
  });

  it('keeps one already promoted into this finding, so a retry completes', () => {
    const r = mergeIntoFinding({ ...finding, observationIds: [] }, [
      obs('o1', 'data', ['council'], { status: 'promoted', findingId: 'f1' }),
      obs('o2', 'meeting', []),
    ]);
    expect(r.ok && r.value).toEqual({
      finding: {
        observationIds: ['o1', 'o2'],
        partnerIds: ['police', 'council'],
        sources: ['audit', 'meeting', 'data'],
      },
      toPromote: ['o2'],
    });
  });

  it('refuses an empty merge', () => {
    expect(mergeIntoFinding(finding, []).ok).toBe(false);
  });
});
