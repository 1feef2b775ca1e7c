import { describe, expect, it } from 'vitest';
import type { Observation, Recommendation } from '../../src/domain/lists/schema.js';
import { checkObservationEdit } from '../../src/domain/observation-edits.js';
import { checkDraftEdit } from '../../src/domain/recommendations.js';

const observation: Observation = {
  text: 'Seen at the SLG.',
  evidenceClass: 'gone-well',
  source: 'meeting',
  observedAt: '2026-04-21T10:40:00+01:00',
  status: 'open',
};
const recommendation: Recommendation = {
  reference: 'HSCP-R-2026-03',
  title: 'Feed back audit learning',
  text: 'Each audit ends with a briefing.',
  priority: 'medium',
  partnerIds: ['police'],
  responseDueDate: '2099-01-31',
  status: 'draft',
};

describe('what may still be edited', () => {
  it('an open observation, not a promoted one', () => {
    expect(checkObservationEdit(observation).ok).toBe(true);
    const r = checkObservationEdit({ ...observation, status: 'promoted' });
    expect(r.ok ? undefined : r.error).toMatchObject({
      code: 'illegal-transition',
      message: expect.stringContaining('promoted'),
    });
  });

  it('a draft recommendation, not an issued or closed one', () => {
    expect(checkDraftEdit(recommendation).ok).toBe(true);
    for (const status of ['issued', 'closed'] as const) {
      const r = checkDraftEdit({ ...recommendation, status });
      expect(r.ok ? undefined : r.error.message).toBe(
        `Recommendation HSCP-R-2026-03 is ${status}; only a draft can be edited.`,
      );
    }
  });
});
