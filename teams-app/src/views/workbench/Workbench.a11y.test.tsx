import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import axe from 'axe-core';
import { item, mockFetch, partners } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { findings, me, observations, planResponse } from './test/fixtures';
import { tasks, tracker } from './verification/test/fixtures';
import { Workbench } from './Workbench';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

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

describe('workbench accessibility', () => {
  it('has a heading outline in order and no axe violations with every section and form open', async () => {
    mockFetch({
      'GET /api/me': { status: 200, body: me },
      'GET /api/partners': { status: 200, body: { items: partners } },
      'GET /api/plans/current/summary': { status: 200, body: planResponse },
      'GET /api/observations?status=open': { status: 200, body: { items: observations } },
      'GET /api/findings': { status: 200, body: { items: findings } },
      'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
      'GET /api/recommendations': { status: 200, body: { items: [draft] } },
      'GET /api/recommendations/next-reference': {
        status: 200,
        body: { reference: 'HSCP-R-2026-02', scheme: '{prefix}-R-{year}-{seq:2}' },
      },
      'GET /api/tasks': { status: 200, body: { tasks } },
      'GET /api/tracker': { status: 200, body: tracker },
      'GET /api/items/actions/action-1/evidence': { status: 200, body: { files: [] } },
    });
    const { container } = renderView(
      <main>
        <Workbench />
      </main>,
    );
    // Several sections are lazy chunks now: the first load of them all can take over a second.
    await screen.findByRole('img', { name: /^Burn-down/ }, { timeout: 5000 });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit HSCP-R-2026-01' }));
    fireEvent.click(screen.getByRole('button', { name: 'Change reference scheme' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Write recommendation' })[0]!);
    await screen.findByRole('button', { name: 'Save changes' });
    await screen.findByRole('button', { name: 'Save draft' });
    // A task opens its verify form, with the evidence upload, in Verification.
    await screen.findByText('Publish the escalation protocol');
    fireEvent.click(screen.getByRole('button', { name: /^Verify for HSCP-R-2026-01/ }));
    await screen.findByRole('form', { name: /^Verify: / });

    // No level is skipped on the way down.
    const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((h) =>
      Number(h.tagName[1]),
    );
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));

    // Colour contrast needs a real layout engine; the Chromium e2e covers it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
    // axe over every section of the page takes a while on a shared machine.
  }, 60_000);
});
