import { describe, expect, it } from 'vitest';
import type { Finding, Observation, WithId } from '../../src/domain/lists/schema.js';
import { triangulate } from '../../src/domain/triangulation.js';
import type { EvidenceSource } from '../../src/domain/vocabulary.js';

const finding = (extra: Partial<Finding> = {}): WithId<Finding> => ({
  id: 'f1',
  title: 'Strategy discussions',
  summary: 'Seen in audit and at the Front Door.',
  evidenceClass: 'worry',
  ...extra,
});
const obs = (id: string, source: EvidenceSource, extra: Partial<Observation> = {}) =>
  ({
    id,
    text: 'Seen at the meeting.',
    evidenceClass: 'worry',
    source,
    observedAt: '2026-06-10T12:00:00+01:00',
    status: 'promoted',
    ...extra,
  }) as WithId<Observation>;

describe('triangulate', () => {
  it('counts observations per source and marks declared ones', () => {
    const row = triangulate(finding({ observationIds: ['o1', 'o2', 'o3'], sources: ['audit'] }), [
      obs('o1', 'audit'),
      obs('o2', 'practitioners'),
      obs('o3', 'practitioners'),
      obs('o4', 'data'), // not linked
    ]);
    expect(row).toEqual({
      findingId: 'f1',
      title: 'Strategy discussions',
      evidenceClass: 'worry',
      sources: [
        { source: 'audit', observations: 1, declared: true },
        { source: 'practitioners', observations: 2, declared: false },
      ],
      distinctSources: 2,
      triangulated: true,
    });
  });

  it('is not triangulated on one source, however many observations', () => {
    const row = triangulate(finding({ observationIds: ['o1', 'o2'] }), [
      obs('o1', 'meeting'),
      obs('o2', 'meeting'),
    ]);
    expect(row.sources).toEqual([{ source: 'meeting', observations: 2, declared: false }]);
    expect(row.distinctSources).toBe(1);
    expect(row.triangulated).toBe(false);
  });

  it('counts declared sources with no observations behind them', () => {
    const row = triangulate(finding({ sources: ['data', 'meeting'] }), []);
    expect(row.sources).toEqual([
      { source: 'meeting', observations: 0, declared: true },
      { source: 'data', observations: 0, declared: true },
    ]);
    expect(row.triangulated).toBe(true);
  });

  it('links an observation by its own findingId too, once only', () => {
    const row = triangulate(finding({ observationIds: ['o1'] }), [
      obs('o1', 'audit', { findingId: 'f1' }),
      obs('o2', 'frontline-visit', { findingId: 'f1' }),
      obs('o3', 'data', { findingId: 'other' }),
    ]);
    expect(row.sources).toEqual([
      { source: 'frontline-visit', observations: 1, declared: false },
      { source: 'audit', observations: 1, declared: false },
    ]);
  });

  it('has no sources and is not triangulated when nothing stands behind it', () => {
    const row = triangulate(finding(), [obs('o1', 'audit')]);
    expect(row.sources).toEqual([]);
    expect(row.distinctSources).toBe(0);
    expect(row.triangulated).toBe(false);
  });
});
