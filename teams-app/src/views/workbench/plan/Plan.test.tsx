import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { item, mockFetch } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { planResponse, summary } from '../test/fixtures';
import { reportingYearOf } from './planFormat';
import PlanBody from './PlanBody';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function rowOf(table: HTMLElement, header: string): HTMLElement {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr');
  if (!row) throw new Error(`No row for ${header}`);
  return row;
}

describe('scrutiny plan', () => {
  it('shows the figures, burn-down, activities, coverage gaps and warnings from the summary', async () => {
    mockFetch({ 'GET /api/plans/current/summary': { status: 200, body: planResponse } });
    renderView(<PlanBody canWrite />);

    await screen.findByText('Reporting year 2026 to 2027: 1 April 2026 to 31 March 2027.');
    const terms = [...document.querySelectorAll('dt')];
    const figures = (term: string) =>
      terms.find((dt) => dt.textContent === term)?.nextElementSibling?.textContent;
    expect(figures('Days contracted')).toBe('24 days');
    expect(figures('Days allocated')).toBe('13 days');
    expect(figures('Days logged')).toBe('7.5 days');
    expect(figures('Days remaining')).toBe('16.5 days');
    expect(figures('Budget')).toBe('£15,600');
    expect(figures('Spent')).toBe('£4,875');
    expect(figures('Committed')).toBe('£8,450');

    // The chart says where the year stands; the table has every month's figures.
    expect(
      screen.getByRole('img', {
        name: 'Burn-down for 2026 to 2027: 7.5 of 24 days logged up to June 2026; 16.5 days remaining against an ideal of 18 days.',
      }),
    ).toBeTruthy();
    const burnDown = screen.getByRole('table', { name: 'Burn-down by month (days)' });
    expect(within(burnDown).getAllByRole('row')).toHaveLength(13);
    expect(
      within(rowOf(burnDown, 'June 2026'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2.5', '7.5', '16.5', '18']);
    expect(
      within(rowOf(burnDown, 'July 2026'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Not yet', 'Not yet', 'Not yet', '16']);

    // Activities grouped by theme; an overrun is said in words.
    expect(
      screen.getByRole('heading', { level: 4, name: 'Learning from case reviews' }),
    ).toBeTruthy();
    const reviews = screen.getByRole('table', {
      name: 'Learning from case reviews: days allocated and logged',
    });
    expect(rowOf(reviews, 'Observe rapid-review panels').textContent).toContain(
      'Overrun by 1.5 days',
    );
    expect(rowOf(reviews, 'Test practice review action plans').textContent).toContain(
      '3 days left',
    );

    // Coverage: the functions no activity touches are flagged as gaps.
    const functions = screen.getByRole('table', { name: 'Scrutiny functions: 3 of 7 with a gap' });
    for (const gap of [
      'Support and challenge, strategic and operational',
      'Independent advice when partners disagree; escalation',
      'Evaluating the published arrangements and the yearly report',
    ]) {
      expect(rowOf(functions, gap).textContent).toContain('Gap: no activity');
    }
    expect(rowOf(functions, 'The voice of children and families').textContent).toContain('Covered');
    const lines = screen.getByRole('table', { name: 'Lines of enquiry: 4 of 8 with a gap' });
    expect(rowOf(lines, 'Effectiveness of training').textContent).toContain('Gap: no activity');

    expect(screen.getByText(`Warning: ${summary.warnings[0]}`)).toBeTruthy();
  });

  it('logs days with one idempotency key per entry, through a double click and a retry', async () => {
    let attempts = 0;
    const api = mockFetch({
      'GET /api/plans/current/summary': { status: 200, body: planResponse },
      'POST /api/day-logs': (call) => {
        attempts += 1;
        // The first answer is lost on the way back.
        if (attempts === 1) throw new TypeError('Failed to fetch');
        const body = call.body as { activityId: string; date: string; days: number };
        return { status: 201, body: item(`log-${attempts}`, { planId: 'plan-2026', ...body }) };
      },
    });
    renderView(<PlanBody canWrite />);

    fireEvent.change(await screen.findByRole('combobox', { name: 'Activity' }), {
      target: { value: 'act-3' },
    });
    fireEvent.change(screen.getByLabelText(/^Date/), { target: { value: '2026-06-10' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Days' }), {
      target: { value: '0.5' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Visit to the early help hub' },
    });
    const submit = screen.getByRole('button', { name: 'Log days' });
    fireEvent.click(submit);
    fireEvent.click(submit);

    await screen.findByText('Could not reach the server. Check the connection and try again.');
    expect(api.callsTo('POST', '/api/day-logs')).toHaveLength(1);
    expect(
      screen.getByText(
        'What you typed is still in the form. Sending it again will not count the days twice.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveProperty(
      'value',
      'Visit to the early help hub',
    );

    fireEvent.click(submit);
    await screen.findByText(
      'Logged 0.5 days on 10 June 2026 against Frontline visits with practitioners.',
    );
    const [first, retry] = api.callsTo('POST', '/api/day-logs');
    expect(first?.body).toEqual({
      activityId: 'act-3',
      date: '2026-06-10',
      days: 0.5,
      note: 'Visit to the early help hub',
      idempotencyKey: expect.stringMatching(UUID),
    });
    expect(retry?.body).toEqual(first?.body);

    // The next entry is a new one, with a new key.
    fireEvent.click(submit);
    await waitFor(() => expect(api.callsTo('POST', '/api/day-logs')).toHaveLength(3));
    const third = api.callsTo('POST', '/api/day-logs')[2]?.body as { idempotencyKey: string };
    expect(third.idempotencyKey).toMatch(UUID);
    expect(third.idempotencyKey).not.toBe(
      (first?.body as { idempotencyKey: string }).idempotencyKey,
    );
  });

  it('offers to create the plan when the reporting year has none', async () => {
    let created = false;
    const api = mockFetch({
      'GET /api/plans/current/summary': () =>
        created
          ? { status: 200, body: planResponse }
          : {
              status: 404,
              body: { error: { code: 'no-plan', message: 'No plan for this reporting year.' } },
            },
      'POST /api/plans': (call) => {
        created = true;
        return { status: 201, body: item('plan-2026', call.body as object) };
      },
    });
    renderView(<PlanBody canWrite />);

    await screen.findByRole('heading', { name: 'Create the scrutiny plan' });
    expect(
      screen.getByRole('spinbutton', { name: 'Reporting year (starting April)' }),
    ).toHaveProperty('value', String(reportingYearOf()));
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findAllByText('Give the days contracted as a number.')).toHaveLength(2);
    expect(api.callsTo('POST', '/api/plans')).toHaveLength(0);

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Reporting year (starting April)' }), {
      target: { value: '2026' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Days contracted' }), {
      target: { value: '24' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Day rate (£)' }), {
      target: { value: '650' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));

    await screen.findByRole('img', { name: /^Burn-down for 2026 to 2027/ });
    const announced = screen.getByText('Scrutiny plan for 2026 to 2027 created.');
    expect(announced.closest('[role="status"]')).not.toBeNull();
    expect(api.callsTo('POST', '/api/plans')[0]?.body).toEqual({
      reportingYear: 2026,
      daysContracted: 24,
      dayRate: 650,
    });
  });

  it('shows a reader the plan without the forms', async () => {
    mockFetch({ 'GET /api/plans/current/summary': { status: 200, body: planResponse } });
    renderView(<PlanBody canWrite={false} />);
    await screen.findByRole('table', { name: 'Burn-down by month (days)' });
    expect(screen.queryByRole('button', { name: 'Log days' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add activity' })).toBeNull();
  });
});
