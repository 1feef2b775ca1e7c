import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { mockFetch } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { dashboardView } from '../tracker/test/fixtures';
import { Dashboard } from './Dashboard';
import { daysChart } from './dashboardCharts';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

/** The figures table of a chart, opened with its toggle. */
function figures(title: string): string[][] {
  const section = screen.getByRole('region', { name: title });
  fireEvent.click(
    within(section).getByRole('button', { name: `Show the figures for ${title.toLowerCase()}` }),
  );
  const table = within(section).getByRole('table', { name: `${title}: the figures` });
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('dashboard', () => {
  it('shows the headline figures and each chart as an image with a summary and a table', async () => {
    mockFetch({ 'GET /api/dashboard': { status: 200, body: dashboardView } });
    renderView(<Dashboard />);
    await screen.findByRole('heading', { name: 'Headline figures' });
    const headline = [...document.querySelectorAll('dl > div')].map((d) => d.textContent);
    expect(headline).toEqual([
      'Recommendations2',
      'Open actions1',
      'Overdue actions1',
      'Awaiting verification0',
      'Verified actions1',
    ]);

    const images = screen.getAllByRole('img').filter((el) => el.tagName.toLowerCase() === 'svg');
    expect(images.map((img) => img.getAttribute('aria-label')?.split(/[,:]/)[0])).toEqual([
      'RAG by partner',
      'RAG by theme',
      'RAG by priority',
      'Overdue actions by how long overdue',
      'Response times by partner',
      'Acceptance of recommendations by partner',
      'Days of scrutiny used in 2026 to 2027',
    ]);
    expect(
      screen.getByRole('img', { name: /^RAG by partner/ }).getAttribute('aria-label'),
    ).toContain('Harbourside Police: 2 red, 1 amber, 1 paused, 3 green');
    expect(screen.getByRole('img', { name: /^Acceptance/ }).getAttribute('aria-label')).toContain(
      'Harbourside Police: 60% accepted, 20% partially accepted, 20% declined, of 5 responses',
    );
    expect(screen.getByRole('img', { name: /^Days of scrutiny/ }).getAttribute('aria-label')).toBe(
      'Days of scrutiny used in 2026 to 2027: 12.5 of 30 days budgeted, 17.5 remaining.',
    );

    // Each table has the view's own numbers.
    expect(figures('RAG by partner')).toEqual([
      ['Partner', 'Red', 'Amber', 'Paused', 'Green', 'Total'],
      ['Harbourside Council', '0', '1', '0', '0', '1'],
      ['Harbourside Police', '2', '1', '1', '3', '7'],
      ['Harbourside ICB', '0', '0', '0', '1', '1'],
    ]);
    expect(figures('RAG by priority')[1]).toEqual(['High', '1', '1', '0', '0', '2']);
    expect(figures('Overdue actions by how long overdue')).toEqual([
      ['Days overdue', 'Actions'],
      ['1 to 30 days', '4'],
      ['31 to 60 days', '2'],
      ['61 to 90 days', '0'],
      ['More than 90 days', '1'],
    ]);
    expect(figures('Response times by partner')).toEqual([
      ['Partner', 'Median days to respond', 'Responded', 'Awaiting', 'Late'],
      ['Harbourside Council', '–', '0', '1', '1'],
      ['Harbourside Police', '5', '3', '1', '0'],
    ]);
    expect(figures('Acceptance of recommendations by partner')[1]).toEqual([
      'Harbourside Police',
      '3 (60%)',
      '1 (20%)',
      '1 (20%)',
      '5',
    ]);
    expect(figures('Days of scrutiny used')).toEqual([
      ['Reporting year', 'Budget (days)', 'Used (days)', 'Remaining (days)'],
      ['2026 to 2027', '30', '12.5', '17.5'],
    ]);
  });

  it('draws each bar in proportion to its numbers', async () => {
    mockFetch({ 'GET /api/dashboard': { status: 200, body: dashboardView } });
    renderView(<Dashboard />);
    const chart = await screen.findByRole('img', { name: /^Overdue actions/ });
    const widths = [...chart.querySelectorAll('rect')]
      .filter((r) => r.getAttribute('fill')?.startsWith('url('))
      .map((r) => Number(r.getAttribute('width')));
    // 4, 2 and 1 actions (the empty band draws nothing).
    expect(widths).toHaveLength(3);
    expect(widths[0]! / widths[2]!).toBeCloseTo(4);
    expect(widths[1]! / widths[2]!).toBeCloseTo(2);
  });

  it('shows overspent days as over budget, and no over-budget key when within it', () => {
    const over = daysChart({ year: 2026, budget: 10, used: 12, remaining: -2 });
    expect(over.summary).toBe(
      'Days of scrutiny used in 2026 to 2027: 12 of 10 days budgeted, 2 over budget.',
    );
    expect(over.bars[0]!.values).toEqual([10, 2]);
    expect(over.series.map((s) => s.label)).toEqual(['Used', 'Over budget']);
    const within = daysChart({ year: 2026, budget: 10, used: 4, remaining: 6 });
    expect(within.series.map((s) => s.label)).toEqual(['Used']);
    expect(within.bars[0]!.values).toEqual([4]);
  });

  it('tells a partner lead who the dashboard is for, not an error', async () => {
    mockFetch({
      'GET /api/dashboard': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'Forbidden' } },
      },
    });
    renderView(<Dashboard />);
    await screen.findByText(
      'The dashboard is for the partnership’s executives, the scrutineer and the business unit.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/Forbidden|403/)).toBeNull();
    expect(screen.getByRole('link', { name: 'tracker' }).getAttribute('href')).toBe('/tracker');
  });

  it('loads as at a past date from the address and says so', async () => {
    const api = mockFetch({
      'GET /api/dashboard?asAt=2026-10-12': {
        status: 200,
        body: { ...dashboardView, isPast: true, days: null },
      },
    });
    window.history.replaceState(null, '', '/dashboard?asAt=2026-10-12');
    renderView(<Dashboard />);
    await screen.findByText('Showing the dashboard as it stood at the end of 12 October 2026');
    await screen.findByText(/There is no scrutiny plan/);
    expect(api.calls.map((c) => c.path)).toEqual(['/api/dashboard?asAt=2026-10-12']);
  });

  it('has a heading outline in order and no axe violations with every table open', async () => {
    mockFetch({ 'GET /api/dashboard': { status: 200, body: dashboardView } });
    const { container } = renderView(
      <main>
        <Dashboard />
      </main>,
    );
    await screen.findByRole('heading', { name: 'Headline figures' });
    screen
      .getAllByRole('button', { name: /^Show the figures/ })
      .forEach((button) => fireEvent.click(button));
    expect(screen.getAllByRole('table')).toHaveLength(7);
    const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((h) =>
      Number(h.tagName[1]),
    );
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
