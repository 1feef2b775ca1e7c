import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch, partners } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { findings, me, noPlan, observations } from '../test/fixtures';
import { Workbench } from '../Workbench';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

const triangulation = {
  rows: [
    {
      findingId: 'finding-1',
      title: findings[0]!.title,
      evidenceClass: 'worry',
      sources: [{ source: 'meeting', observations: 1, declared: true }],
      distinctSources: 1,
      triangulated: false,
    },
    {
      findingId: 'finding-2',
      title: findings[1]!.title,
      evidenceClass: 'gone-well',
      sources: [
        { source: 'audit', observations: 1, declared: true },
        { source: 'practitioners', observations: 1, declared: true },
        { source: 'voice-of-children-and-families', observations: 0, declared: true },
      ],
      distinctSources: 2,
      triangulated: true,
    },
  ],
};

const base = {
  'GET /api/me': { status: 200, body: me },
  'GET /api/partners': { status: 200, body: { items: partners } },
  'GET /api/plans/current/summary': noPlan,
  'GET /api/recommendations': { status: 200, body: { items: [] } },
  'GET /api/recommendations/next-reference': {
    status: 200,
    body: { reference: 'HSCP-R-2026-01', scheme: '{prefix}-R-{year}-{seq:2}' },
  },
};

describe('findings', () => {
  it('merges selected observations into an existing finding with If-Match, retrying after a conflict', async () => {
    let current = findings;
    let open = observations;
    let merges = 0;
    const api = mockFetch({
      ...base,
      'GET /api/observations?status=open': () => ({ status: 200, body: { items: open } }),
      'GET /api/findings': () => ({ status: 200, body: { items: current } }),
      'GET /api/findings/triangulation': { status: 200, body: triangulation },
      'POST /api/findings/finding-1/observations': () => {
        merges += 1;
        if (merges === 1) {
          // Someone else changed the finding first: the page reloads it with a new etag.
          current = [{ ...findings[0]!, etag: '"finding-1-2"', version: 2 }, findings[1]!];
          return { status: 412, body: { error: { code: 'conflict', message: 'Stale.' } } };
        }
        open = [];
        return {
          status: 200,
          body: { ...current[0]!, etag: '"finding-1-3"', observationIds: ['obs-9', 'obs-2'] },
        };
      },
    });
    renderView(<Workbench />);

    fireEvent.click(await screen.findByRole('checkbox', { name: observations[1]!.text }));
    await screen.findByRole('option', { name: `${findings[0]!.title} (Worry)` });
    fireEvent.change(screen.getByRole('combobox', { name: 'Finding to merge into' }), {
      target: { value: 'finding-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Merge into finding' }));

    await screen.findByText(/^That finding was changed since the page loaded/);
    // The selection is kept for the retry.
    expect(screen.getByText('Your selection is kept.')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: observations[1]!.text })).toHaveProperty(
      'checked',
      true,
    );
    await waitFor(() => expect(api.callsTo('GET', '/api/findings').length).toBeGreaterThan(1));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into finding' }));
    await screen.findByText(`Merged 1 observation into ${findings[0]!.title}.`);

    const [first, second] = api.callsTo('POST', '/api/findings/finding-1/observations');
    expect(first?.headers['if-match']).toBe('"finding-1-1"');
    expect(first?.body).toEqual({ observationIds: ['obs-2'] });
    expect(second?.headers['if-match']).toBe('"finding-1-2"');
    await screen.findByText('No open observations.');
  });

  it('shows which sources support each finding and flags a single source in words', async () => {
    mockFetch({
      ...base,
      'GET /api/observations?status=open': { status: 200, body: { items: [] } },
      'GET /api/findings': { status: 200, body: { items: findings } },
      'GET /api/findings/triangulation': { status: 200, body: triangulation },
    });
    renderView(<Workbench />);

    const table = await screen.findByRole('table', { name: 'Sources supporting each finding' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Finding',
      'Class',
      'Data',
      'Audit',
      'Voice of children and families',
      'Practitioners',
      'Meetings',
      'Frontline visits',
      'Triangulation',
    ]);
    const cells = (title: string) =>
      within(within(table).getByRole('rowheader', { name: title }).closest('tr')!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(findings[0]!.title)).toEqual([
      'Worry',
      '0',
      '0',
      '0',
      '0',
      '1',
      '0',
      'Single source',
    ]);
    expect(cells(findings[1]!.title)).toEqual([
      'Gone well',
      '0',
      '1',
      'Declared only',
      '1',
      '0',
      '0',
      'Triangulated: 2 sources',
    ]);
    expect(screen.getByText(/1 of 2 findings is not triangulated\./)).toBeTruthy();
    // Each finding is still an article named by its title, offering a recommendation.
    const article = screen.getByRole('article', { name: findings[1]!.title });
    expect(
      within(article).getByText('From 2 observations; sources: Audit, Practitioners.'),
    ).toBeTruthy();
    expect(within(article).getByRole('button', { name: 'Write recommendation' })).toBeTruthy();
  });
});
