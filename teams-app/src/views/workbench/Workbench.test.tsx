import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { item, mockFetch, partners, type RecordedCall } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { me, noPlan } from './test/fixtures';
import { Workbench } from './Workbench';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const observations = [
  item('obs-1', {
    text: 'Audit findings were not shared with the police sub-group.',
    evidenceClass: 'worry',
    partnerIds: ['partner-police'],
    source: 'meeting',
    observedAt: '2026-05-14T09:05:00.000Z',
    status: 'open',
  }),
  item('obs-2', {
    text: 'Health colleagues described a new escalation route.',
    evidenceClass: 'too-early',
    partnerIds: ['partner-icb', 'partner-police'],
    source: 'frontline-visit',
    observedAt: '2026-05-14T09:10:00.000Z',
    status: 'open',
  }),
];
const finding = item('finding-1', {
  title: 'Audit learning does not reach every partner',
  summary: 'Two meetings showed audit findings stopping at the council.',
  evidenceClass: 'worry',
  partnerIds: ['partner-police', 'partner-icb'],
  observationIds: ['obs-1', 'obs-2'],
  sources: ['meeting', 'frontline-visit'],
});
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

describe('workbench', () => {
  it('promotes observations, drafts a recommendation and issues it', async () => {
    let findings: unknown[] = [];
    let recommendations: unknown[] = [];
    const api = mockFetch({
      'GET /api/me': { status: 200, body: me },
      'GET /api/plans/current/summary': noPlan,
      'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
      'GET /api/recommendations/next-reference': {
        status: 200,
        body: { reference: 'HSCP-R-2026-01', scheme: '{prefix}-R-{year}-{seq:2}' },
      },
      'GET /api/partners': { status: 200, body: { items: partners } },
      'GET /api/observations?status=open': () => ({
        status: 200,
        body: { items: findings.length ? [] : observations },
      }),
      'GET /api/findings': () => ({ status: 200, body: { items: findings } }),
      'GET /api/recommendations': () => ({ status: 200, body: { items: recommendations } }),
      'POST /api/findings': () => {
        findings = [finding];
        return { status: 201, body: finding };
      },
      'POST /api/recommendations': () => {
        recommendations = [draft];
        return { status: 201, body: draft };
      },
      'POST /api/recommendations/rec-1/issue': () => ({
        status: 200,
        body: {
          recommendation: { ...draft, status: 'issued' },
          deliveries: [
            {
              personId: 'p1',
              displayName: 'Pat Police-Lead',
              partnerName: 'Harbourside Police',
              status: 'sent',
            },
            {
              personId: 'p2',
              displayName: 'Robin Guest',
              partnerName: 'Harbourside Police',
              status: 'unreachable',
              detail: 'has not installed the app',
            },
          ],
        },
      }),
    });
    renderView(<Workbench />);

    // Select the second observation first: its class becomes the finding's proposed class.
    fireEvent.click(await screen.findByRole('checkbox', { name: observations[1]!.text }));
    fireEvent.click(screen.getByRole('checkbox', { name: observations[0]!.text }));
    expect(screen.getByRole('combobox', { name: 'Class' })).toHaveProperty('value', 'too-early');
    fireEvent.change(screen.getByRole('combobox', { name: 'Class' }), {
      target: { value: 'worry' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Finding title' }), {
      target: { value: finding.title },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Evidence summary' }), {
      target: { value: finding.summary },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create finding' }));

    await waitFor(() => expect(api.callsTo('POST', '/api/findings')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/findings')[0]?.body).toEqual({
      title: finding.title,
      summary: finding.summary,
      evidenceClass: 'worry',
      partnerIds: ['partner-icb', 'partner-police'],
      observationIds: ['obs-2', 'obs-1'],
      sources: ['frontline-visit', 'meeting'],
    });

    const article = await screen.findByRole('article', { name: finding.title });
    fireEvent.click(within(article).getByRole('button', { name: 'Write recommendation' }));
    // The form is fetched when first opened.
    fireEvent.change(await screen.findByRole('textbox', { name: 'Recommendation title' }), {
      target: { value: draft.title },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Recommendation' }), {
      target: { value: draft.text },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Priority' }), {
      target: { value: 'high' },
    });
    // The finding's partners are proposed; keep only the police.
    fireEvent.click(within(article).getByRole('checkbox', { name: 'Harbourside ICB' }));
    fireEvent.change(screen.getByLabelText('Response due'), { target: { value: '2026-06-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(api.callsTo('POST', '/api/recommendations')).toHaveLength(1));
    const saved: RecordedCall | undefined = api.callsTo('POST', '/api/recommendations')[0];
    expect(saved?.body).toEqual({
      title: draft.title,
      text: draft.text,
      priority: 'high',
      partnerIds: ['partner-police'],
      findingIds: ['finding-1'],
      responseDueDate: '2026-06-12',
    });

    await screen.findByText(`Draft recommendation HSCP-R-2026-01 saved: ${draft.title}`);
    const entry = (await screen.findByRole('heading', { name: `HSCP-R-2026-01: ${draft.title}` }))
      .parentElement!;
    expect(within(entry).getByText('Status: Draft')).toBeTruthy();
    expect(within(entry).getByText(`Named partners: Harbourside Police`)).toBeTruthy();
    expect(within(entry).getByText(`Linked findings: ${finding.title}`)).toBeTruthy();
    fireEvent.click(within(entry).getByRole('button', { name: 'Issue HSCP-R-2026-01' }));
    await screen.findByText('Card sent to Pat Police-Lead (Harbourside Police)');
    expect(
      screen.getByText(
        'Not reachable in Teams: Robin Guest (Harbourside Police) – has not installed the app',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Issue HSCP-R-2026-01' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit HSCP-R-2026-01' })).toBeNull();
    expect(within(entry).getByText('Status: Issued')).toBeTruthy();
    expect(
      screen.getByText(
        'Recommendation HSCP-R-2026-01 issued: 1 card sent, 1 not reachable in Teams.',
      ),
    ).toBeTruthy();
  });
});
