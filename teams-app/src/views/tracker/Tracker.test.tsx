import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { mockFetch } from '../../test/fetchMock';
import { renderView, TEST_TOKEN } from '../../test/renderView';
import { trackerView } from './test/fixtures';
import { Tracker } from './Tracker';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const pastView = { ...trackerView, isPast: true, rows: trackerView.rows.slice(0, 1) };

function routes() {
  return mockFetch({
    'GET /api/tracker': { status: 200, body: trackerView },
    'GET /api/tracker?asAt=2026-10-12': { status: 200, body: pastView },
    'GET /api/export/tracker.xlsx': { status: 200, body: 'xlsx-bytes' },
    'GET /api/export/tracker.xlsx?asAt=2026-10-12': { status: 200, body: 'xlsx-bytes' },
  });
}

const table = () => screen.findByRole('table', { name: 'Recommendations tracker' });
const bodyRows = (t: HTMLElement) => within(t).getAllByRole('row').slice(1);

describe('tracker', () => {
  it('shows each recommendation, each partner’s part and RAG in words, and the totals', async () => {
    routes();
    renderView(<Tracker />);
    const rows = bodyRows(await table());
    // One line per recommendation and named partner.
    expect(rows).toHaveLength(3);
    const first = rows[0]!.textContent ?? '';
    expect(first).toContain('HSCP-R-2026-01');
    expect(first).toContain('Agree one multi-agency audit schedule');
    expect(first).toContain('Priority: High; themes: Quality assurance and data used');
    expect(first).toContain('191 days ago');
    expect(first).toContain('Harbourside Council');
    expect(first).toContain('Awaiting response');

    const police = rows[1]!;
    expect(police.textContent).toContain('Partially accept');
    expect(police.textContent).toContain('We accept the schedule but not the date');
    expect(police.textContent).toContain('5 days to respond');
    expect(police.textContent).toContain('Publish the joint audit calendar');
    expect(police.textContent).toContain('10 November 2026 (revised from 1 October 2026)');
    expect(police.textContent).toContain('Overdue by 12 days; last update 30 days ago');
    // The chip says the RAG in words, with a shape beside it; the reason is beside it too.
    const redChip = within(police).getAllByTitle('Overdue by 12 days')[0]!;
    expect(redChip.textContent).toBe('Red');
    expect(redChip.querySelector('svg[aria-hidden="true"]')).not.toBeNull();

    const totals = screen.getByRole('list', { name: 'Totals by RAG' });
    expect(
      within(totals)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Red1', 'Amber1', 'Paused0', 'Green1']);
    // Read-only: nothing here writes.
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /verify|save|edit|delete/i })).toBeNull();
  });

  it('opens and closes an action’s full history from the keyboard', async () => {
    routes();
    renderView(<Tracker />);
    await table();
    const button = screen.getByRole('button', {
      name: 'Show history (2) of “Publish the joint audit calendar”',
    });
    // A native button: Enter and Space work without any script of ours.
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    expect(document.activeElement).toBe(button);
    // happy-dom has no key activation; a browser turns Enter or Space on a button into this click.
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const history = screen.getByRole('list', {
      name: 'History of “Publish the joint audit calendar”',
    });
    expect(button.getAttribute('aria-controls')).toBe(history.id);
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.textContent).toContain('Update: 20% done');
    expect(entries[1]!.textContent).toContain('Target revised to 10 November 2026');
    expect(within(entries[1]!).getByRole('link', { name: 'Evidence' }).getAttribute('href')).toBe(
      'https://harbourside.example/calendar',
    );
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: /^History of/ })).toBeNull();
  });

  it('narrows the rows by partner, theme, priority and RAG', async () => {
    routes();
    renderView(<Tracker />);
    const t = await table();
    fireEvent.change(screen.getByRole('combobox', { name: 'Partner' }), {
      target: { value: 'partner-icb' },
    });
    expect(bodyRows(t)).toHaveLength(1);
    expect(bodyRows(t)[0]!.textContent).toContain('HSCP-R-2026-02');
    expect(screen.getByText('Showing 1 of 2 recommendations.')).toBeTruthy();
    // The totals follow the filters.
    expect(
      within(screen.getByRole('list', { name: 'Totals by RAG' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Red0', 'Amber0', 'Paused0', 'Green1']);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'RAG' }), { target: { value: 'red' } });
    expect(bodyRows(t)).toHaveLength(1);
    expect(bodyRows(t)[0]!.textContent).toContain('Harbourside Police');

    fireEvent.change(screen.getByRole('combobox', { name: 'RAG' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), {
      target: { value: 'quality-assurance-and-data' },
    });
    expect(bodyRows(t)).toHaveLength(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Priority' }), {
      target: { value: 'low' },
    });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No recommendations match these filters.')).toBeTruthy();
  });

  it('reloads as at a past date, keeps it in the address, and goes back to today', async () => {
    const api = routes();
    renderView(<Tracker />);
    await table();
    fireEvent.change(screen.getByLabelText('As at'), { target: { value: '2026-10-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));

    await screen.findByText('Showing the tracker as it stood at the end of 12 October 2026');
    expect(new URLSearchParams(window.location.search).get('asAt')).toBe('2026-10-12');
    await waitFor(() => expect(bodyRows(screen.getByRole('table'))).toHaveLength(2));
    expect(api.callsTo('GET', '/api/tracker?asAt=2026-10-12')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Back to today' }));
    await waitFor(() => expect(bodyRows(screen.getByRole('table'))).toHaveLength(3));
    expect(window.location.search).toBe('');
    expect(screen.queryByText(/as it stood/)).toBeNull();
    expect(api.callsTo('GET', '/api/tracker')).toHaveLength(2);
  });

  it('opens at the date in a shared link', async () => {
    const api = routes();
    window.history.replaceState(null, '', '/tracker?asAt=2026-10-12');
    renderView(<Tracker />);
    await screen.findByText('Showing the tracker as it stood at the end of 12 October 2026');
    expect((screen.getByLabelText('As at') as HTMLInputElement).value).toBe('2026-10-12');
    expect(api.calls.map((c) => c.path)).toEqual(['/api/tracker?asAt=2026-10-12']);
  });

  it('downloads the Excel export for the date shown, with the bearer token', async () => {
    const api = routes();
    window.history.replaceState(null, '', '/tracker?asAt=2026-10-12');
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:tracker');
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
    renderView(<Tracker />);
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Download Excel' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    const calls = api.callsTo('GET', '/api/export/tracker.xlsx?asAt=2026-10-12');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked[0]).toEqual({ href: 'blob:tracker', download: 'tracker-2026-10-12.xlsx' });
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:tracker'));
    click.mockRestore();
    createObjectURL.mockRestore();
    revokeObjectURL.mockRestore();
  });

  it('has no axe violations with a history open', async () => {
    routes();
    const { container } = renderView(
      <main>
        <Tracker />
      </main>,
    );
    await table();
    fireEvent.click(screen.getAllByRole('button', { name: /^Show history/ })[0]!);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
