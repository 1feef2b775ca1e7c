import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { item, mockFetch, partners } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { Tracker } from './Tracker';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const recommendation = item('rec-1', {
  reference: 'HSCP-R-2026-01',
  title: 'Agree one multi-agency audit schedule',
  text: 'Partners should agree one audit schedule.',
  priority: 'high',
  partnerIds: ['partner-council', 'partner-police'],
  findingIds: ['finding-1'],
  responseDueDate: '2026-06-12',
  status: 'issued',
  issuedAt: '2026-05-15T10:00:00.000Z',
});

describe('tracker', () => {
  it('shows each named partner’s response, or that one is awaited', async () => {
    const [council, police] = partners;
    mockFetch({
      'GET /api/tracker': {
        status: 200,
        body: {
          rows: [
            {
              recommendation,
              partners: [
                {
                  partner: council,
                  response: {
                    decision: 'partially-accept',
                    rationale:
                      'We accept the schedule but not the date; budget setting is in July.',
                    responderName: 'Alex Fictional',
                    channel: 'teams-card',
                    respondedAt: '2026-05-20T14:30:00.000Z',
                  },
                },
                { partner: police },
              ],
            },
          ],
        },
      },
    });
    renderView(<Tracker />);

    const table = await screen.findByRole('table', { name: 'Recommendations tracker' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const headers = within(rows[0]!)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Reference',
      'Recommendation',
      'Priority',
      'Due',
      'Partner',
      'Response',
      'Rationale',
      'Responded',
    ]);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(rows[1]!)).toEqual([
      'HSCP-R-2026-01',
      'Agree one multi-agency audit schedule',
      'High',
      '12 June 2026',
      'Harbourside Council',
      'Partially accept',
      'We accept the schedule but not the date; budget setting is in July.',
      '20 May 2026, Alex Fictional (Teams card)',
    ]);
    expect(cells(rows[2]!)).toContain('Awaiting response');
    expect(cells(rows[2]!)).toContain('Harbourside Police');
  });
});
