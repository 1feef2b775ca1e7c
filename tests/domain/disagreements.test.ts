import { describe, expect, it } from 'vitest';
import { daysToResolution, disagreementProblems } from '../../src/domain/disagreements.js';
import type { Disagreement } from '../../src/domain/lists/schema.js';

const disagreement = (fields: Partial<Disagreement> = {}): Disagreement => ({
  reference: 'HSCP-D-2026-1',
  partnerIds: ['partner-police', 'partner-council'],
  matter: 'Attendance at strategy discussions out of hours.',
  status: 'open',
  raisedOn: '2026-06-15',
  ...fields,
});

const fields = (d: Disagreement) => disagreementProblems(d).map((p) => p.field);

describe('daysToResolution', () => {
  it('counts calendar days from raised to resolved', () => {
    expect(daysToResolution(disagreement({ status: 'resolved', resolvedOn: '2026-07-21' }))).toBe(
      36,
    );
    // Across the clocks going back in October: whole days, not hours.
    expect(
      daysToResolution(
        disagreement({ raisedOn: '2026-10-20', status: 'resolved', resolvedOn: '2026-10-27' }),
      ),
    ).toBe(7);
    expect(daysToResolution(disagreement({ resolvedOn: '2026-06-15' }))).toBe(0);
  });

  it('is undefined while unresolved', () => {
    expect(daysToResolution(disagreement())).toBeUndefined();
  });
});

describe('disagreementProblems', () => {
  it('accepts a well-formed disagreement', () => {
    expect(fields(disagreement())).toEqual([]);
    expect(fields(disagreement({ status: 'resolved', resolvedOn: '2026-06-15' }))).toEqual([]);
  });

  it('needs at least two different partners', () => {
    expect(fields(disagreement({ partnerIds: ['partner-police'] }))).toEqual(['partnerIds']);
    expect(fields(disagreement({ partnerIds: ['partner-police', 'partner-police'] }))).toEqual([
      'partnerIds',
    ]);
  });

  it('needs the resolution date when resolved, and not before it was raised', () => {
    expect(fields(disagreement({ status: 'resolved' }))).toEqual(['resolvedOn']);
    expect(fields(disagreement({ status: 'resolved', resolvedOn: '2026-06-14' }))).toEqual([
      'resolvedOn',
    ]);
  });

  it('refuses a reference that is not the partnership pattern, and says it', () => {
    const [problem] = disagreementProblems(disagreement({ reference: 'Police v council' }));
    expect(problem?.field).toBe('reference');
    expect(problem?.message).toMatch(/such as HSCP-D-2026-3/);
    expect(fields(disagreement({ reference: 'HSCP-C-2026-1' }))).toEqual(['reference']);
  });
});
