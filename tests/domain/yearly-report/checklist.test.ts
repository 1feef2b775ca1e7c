import { describe, expect, it } from 'vitest';
import { checklist } from '../../../src/domain/yearly-report/checklist.js';
import { reportSections } from '../../../src/domain/yearly-report/sections.js';
import { emptyModel, evidenceItem } from './fixtures.js';

const stateOf = (model: ReturnType<typeof emptyModel>, key: string) =>
  checklist(model).find((s) => s.key === key);

describe('the yearly report checklist', () => {
  it('lists every section in order and marks what Working Together 2023 expects', () => {
    const sections = checklist(emptyModel());
    expect(sections.map((s) => s.key)).toEqual(reportSections.map((s) => s.key));
    expect(sections.filter((s) => s.expected).map((s) => s.key)).toEqual([
      'summary',
      'gone-well',
      'recommendations',
      'little-progress',
      'case-reviews',
      'voice',
      'training',
    ]);
  });

  it('finds every section empty in an empty year, each with a hint', () => {
    for (const s of checklist(emptyModel())) {
      expect(s.state, s.key).toBe('empty');
      expect(s.hint.length, s.key).toBeGreaterThan(10);
    }
  });

  it('keeps the summary empty until written, thin under 50 words, ok after', () => {
    expect(stateOf(emptyModel({ summaryJudgement: '   ' }), 'summary')?.state).toBe('empty');
    const short = stateOf(
      emptyModel({ summaryJudgement: 'Effective, with two worries.' }),
      'summary',
    );
    expect(short).toMatchObject({ state: 'thin', count: 4 });
    const long = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    expect(stateOf(emptyModel({ summaryJudgement: long }), 'summary')).toMatchObject({
      state: 'ok',
      count: 50,
    });
  });

  it('calls an evidence section thin with fewer than 2 pieces of evidence', () => {
    const one = { total: 1, items: [evidenceItem({ lineOfEnquiry: 'training-effectiveness' })] };
    expect(stateOf(emptyModel({ training: one }), 'training')).toMatchObject({
      state: 'thin',
      count: 1,
    });
    const two = { total: 2, items: [evidenceItem(), evidenceItem()] };
    expect(stateOf(emptyModel({ voice: two }), 'voice')?.state).toBe('ok');
  });

  it('judges little or no progress only where there are recommendations', () => {
    const rec = {
      reference: 'HSCP-R-2026-01',
      title: 'Agree an escalation protocol',
      priority: 'high' as const,
      issuedOn: '2026-10-23',
      rag: 'amber' as const,
      reason: 'On track',
      partners: [],
    };
    expect(stateOf(emptyModel(), 'little-progress')?.state).toBe('empty');
    expect(stateOf(emptyModel({ recommendations: [rec] }), 'little-progress')).toMatchObject({
      state: 'ok',
      count: 0,
    });
  });

  it('calls case reviews thin while a late clock has no reason or a review no assurance note', () => {
    const review = (lateReason?: string, assuranceNote?: string) => ({
      code: 'HSCP-C-2026-14',
      clocks: [
        {
          name: 'notification' as const,
          label: 'Notification',
          state: 'late' as const,
          late: 2,
          ...(lateReason ? { lateReason } : {}),
        },
      ],
      ...(assuranceNote ? { assuranceNote } : {}),
    });
    const with_ = (r: ReturnType<typeof review>) =>
      stateOf(emptyModel({ caseReviews: { reviews: [r], timeliness: [] } }), 'case-reviews');
    expect(with_(review())?.state).toBe('thin');
    expect(with_(review('The referral arrived late.'))?.state).toBe('thin');
    expect(with_(review('The referral arrived late.', 'Assured by the chair.'))?.state).toBe('ok');
  });

  it('calls disagreements thin while one has no advice recorded', () => {
    const item = (advice?: string) => ({
      reference: 'HSCP-D-2026-1',
      parties: ['Eastshire Constabulary'],
      status: 'open' as const,
      raisedOn: '2026-07-01',
      ...(advice ? { advice } : {}),
    });
    const model = (advice?: string) =>
      emptyModel({
        disagreements: {
          items: [item(advice)],
          resolved: 0,
          medianDaysToResolution: null,
          withAdvice: advice ? 1 : 0,
        },
      });
    expect(stateOf(model(), 'disagreements')?.state).toBe('thin');
    expect(stateOf(model('Meet with the chair.'), 'disagreements')?.state).toBe('ok');
  });

  it('calls the method thin until days are logged against the plan', () => {
    const method = {
      ...emptyModel().method,
      meetingsObserved: 3,
      days: { contracted: 24, used: 0, remaining: 24, dayRate: 650 },
    };
    expect(stateOf(emptyModel({ method }), 'method')?.state).toBe('thin');
    expect(
      stateOf(
        emptyModel({ method: { ...method, days: { ...method.days, used: 4, remaining: 20 } } }),
        'method',
      )?.state,
    ).toBe('ok');
  });
});
