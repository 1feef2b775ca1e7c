import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { item, mockFetch, partners } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { findings, me, noPlan } from '../test/fixtures';
import { Workbench } from '../Workbench';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

const draft = item('rec-1', {
  reference: 'HSCP-R-2026-01',
  title: 'Share audit learning with all partners',
  text: 'Send every audit summary to all three partners within a month.',
  priority: 'high',
  partnerIds: ['partner-police'],
  findingIds: ['finding-1'],
  responseDueDate: '2026-06-12',
  status: 'draft',
});

const base = {
  'GET /api/me': { status: 200, body: me },
  'GET /api/partners': { status: 200, body: { items: partners } },
  'GET /api/plans/current/summary': noPlan,
  'GET /api/observations?status=open': { status: 200, body: { items: [] } },
  'GET /api/findings': { status: 200, body: { items: findings } },
  'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
};

describe('recommendations', () => {
  it('shows the reference scheme and the server’s reason when a new scheme is refused', async () => {
    let scheme = '{prefix}-R-{year}-{seq:2}';
    const api = mockFetch({
      ...base,
      'GET /api/recommendations': { status: 200, body: { items: [] } },
      'GET /api/recommendations/next-reference': () => ({
        status: 200,
        body: {
          reference: scheme.startsWith('{prefix}/') ? 'HSCP/2026/003' : 'HSCP-R-2026-03',
          scheme,
        },
      }),
      'PATCH /api/partnership': (call) => {
        const next = (call.body as { recommendationScheme: string }).recommendationScheme;
        if (!next.includes('{seq')) {
          return {
            status: 400,
            body: {
              error: {
                code: 'invalid-request',
                message: 'The scheme must include {seq} or {seq:N} so each reference is unique.',
              },
            },
          };
        }
        scheme = next;
        return { status: 200, body: { ...me.partnership, recommendationScheme: next } };
      },
    });
    renderView(<Workbench />);

    const section = await screen.findByRole('region', { name: 'Recommendations' });
    await within(section).findByText('HSCP-R-2026-03');
    expect(within(section).getByText('{prefix}-R-{year}-{seq:2}')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Change reference scheme' }));
    const input = screen.getByRole('textbox', { name: 'Recommendation reference scheme' });
    fireEvent.change(input, { target: { value: '{prefix}/{year}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scheme' }));

    const reason = 'The scheme must include {seq} or {seq:N} so each reference is unique.';
    await waitFor(() => expect(screen.getAllByText(reason)).toHaveLength(2));
    // Announced in the assertive live region, and on the field itself.
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes(reason))).toBe(true);
    expect(input).toHaveProperty('value', '{prefix}/{year}');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('PATCH', '/api/partnership')[0]?.headers['if-match']).toBe(
      '"partnership-1"',
    );

    fireEvent.change(input, { target: { value: '{prefix}/{year}/{seq:3}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scheme' }));
    await screen.findByText('Reference scheme saved.');
    await within(section).findByText('HSCP/2026/003');
    expect(api.callsTo('PATCH', '/api/partnership')[1]?.body).toEqual({
      recommendationScheme: '{prefix}/{year}/{seq:3}',
    });
  });

  it('keeps the user’s edits when a draft was changed elsewhere, then saves over it', async () => {
    let current = draft;
    let patches = 0;
    const api = mockFetch({
      ...base,
      'GET /api/recommendations': () => ({ status: 200, body: { items: [current] } }),
      'GET /api/recommendations/next-reference': {
        status: 200,
        body: { reference: 'HSCP-R-2026-02', scheme: '{prefix}-R-{year}-{seq:2}' },
      },
      'PATCH /api/recommendations/rec-1': (call) => {
        patches += 1;
        if (patches === 1) {
          current = { ...draft, etag: '"rec-1-2"', version: 2, priority: 'medium' };
          return { status: 412, body: { error: { code: 'conflict', message: 'Stale.' } } };
        }
        current = { ...current, ...(call.body as object), etag: '"rec-1-3"', version: 3 };
        return { status: 200, body: current };
      },
    });
    renderView(<Workbench />);

    fireEvent.click(await screen.findByRole('button', { name: 'Edit HSCP-R-2026-01' }));
    const text = await screen.findByRole('textbox', { name: 'Recommendation' });
    expect(text).toHaveProperty('value', draft.text);
    const mine = 'Send every audit summary to all partners and the SLG within four weeks.';
    fireEvent.change(text, { target: { value: mine } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText(/^HSCP-R-2026-01 was changed elsewhere after you opened it/);
    expect(screen.getByText('What you typed is still in the form.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Recommendation' })).toHaveProperty('value', mine);
    // The list has reloaded underneath, so the next save carries the new etag.
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/recommendations').length).toBeGreaterThan(1),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(`Draft HSCP-R-2026-01 saved: ${draft.title}`);

    const [first, second] = api.callsTo('PATCH', '/api/recommendations/rec-1');
    expect(first?.headers['if-match']).toBe('"rec-1-1"');
    expect(second?.headers['if-match']).toBe('"rec-1-2"');
    expect(second?.body).toEqual({
      title: draft.title,
      text: mine,
      priority: 'high',
      partnerIds: ['partner-police'],
      findingIds: ['finding-1'],
      responseDueDate: '2026-06-12',
    });
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
  });

  it('says what was refused when the text identifies a child, keeping the text', async () => {
    mockFetch({
      ...base,
      'GET /api/recommendations': { status: 200, body: { items: [draft] } },
      'PATCH /api/recommendations/rec-1': {
        status: 422,
        body: {
          error: {
            code: 'identifiable-data',
            message: 'This text appears to identify a child or family (a date of birth).',
            fields: [{ field: 'text', matches: [{ kind: 'date-of-birth', start: 10, end: 20 }] }],
          },
        },
      },
    });
    renderView(<Workbench />);

    fireEvent.click(await screen.findByRole('button', { name: 'Edit HSCP-R-2026-01' }));
    const text = await screen.findByRole('textbox', { name: 'Recommendation' });
    fireEvent.change(text, { target: { value: 'Fictional text with a date 01/02/2019.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('This text appears to identify a child or family (a date of birth).');
    expect(text).toHaveProperty('value', 'Fictional text with a date 01/02/2019.');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('Rewrite this: it appears to identify a child or family.'),
    ).toBeTruthy();
  });
});
