import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { PlanSummary } from '../../../api/types';
import { item, mockFetch } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { activities, plan, planResponse, summary } from '../test/fixtures';
import PlanBody, { readOnlyText } from './PlanBody';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

// The stored activities behind the summary's, with the etags an edit needs.
const activityItems = activities.map((a) =>
  item(a.id, {
    planId: 'plan-2026',
    theme: a.theme,
    title: a.title,
    functions: a.functions,
    linesOfEnquiry: a.linesOfEnquiry,
    daysAllocated: a.daysAllocated,
    status: a.status,
  }),
);
const current = { ...planResponse, activities: activityItems };
const plans = { status: 200, body: { items: [plan] } };

const PANELS = 'Observe rapid-review panels';
const conflict = {
  status: 412,
  body: { error: { code: 'conflict', message: 'This item was changed by someone else.' } },
};

function alertText(): string {
  return screen
    .getAllByRole('alert')
    .map((a) => a.textContent ?? '')
    .join(' ');
}

describe('changing the scrutiny plan', () => {
  it('edits an activity in place, sending only the changed fields with If-Match', async () => {
    const api = mockFetch({
      'GET /api/plans/current/summary': { status: 200, body: current },
      'GET /api/plans': plans,
      'PATCH /api/plan-activities/act-1': (call) => ({
        status: 200,
        body: { ...activityItems[0], ...(call.body as object), etag: '"act-1-2"', version: 2 },
      }),
    });
    renderView(<PlanBody canWrite />);

    const edit = await screen.findByRole('button', { name: `Edit ${PANELS}` });
    expect(edit.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(edit);
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', { name: `Edit ${PANELS}` });
    expect(edit.getAttribute('aria-controls')).toBe(form.id);
    // Opened with the stored values, and focus in its first field.
    const theme = within(form).getByRole('combobox', { name: 'Theme' });
    expect(theme).toHaveProperty('value', 'Learning from case reviews');
    expect(document.activeElement).toBe(theme);
    expect(within(form).getByRole('textbox', { name: 'Activity title' })).toHaveProperty(
      'value',
      PANELS,
    );
    const days = within(form).getByRole('spinbutton', { name: 'Days allocated' });
    expect(days).toHaveProperty('value', '4');

    fireEvent.change(days, { target: { value: '5' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Activity status' }), {
      target: { value: 'done' },
    });
    fireEvent.click(
      within(form).getByRole('checkbox', {
        name: 'Assurance on the effectiveness of the arrangements',
      }),
    );
    // Typed back to what it was: not a change.
    fireEvent.change(within(form).getByRole('textbox', { name: 'Activity title' }), {
      target: { value: ` ${PANELS} ` },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));

    const saved = await screen.findByText(`Activity saved: ${PANELS}.`);
    expect(saved.closest('[role="status"]')).not.toBeNull();
    const [patch] = api.callsTo('PATCH', '/api/plan-activities/act-1');
    expect(patch?.headers['if-match']).toBe('"act-1-1"');
    expect(patch?.body).toEqual({
      daysAllocated: 5,
      status: 'done',
      // In the options' order, as the checkboxes keep it.
      functions: ['assurance', 'statutory-duties-and-case-reviews'],
    });
    expect(screen.queryByRole('form', { name: `Edit ${PANELS}` })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Edit ${PANELS}` }));
    await waitFor(() => expect(api.callsTo('GET', '/api/plans/current/summary')).toHaveLength(2));
  });

  it('keeps the edits when the activity was changed elsewhere (412), then saves over the latest', async () => {
    let conflicted = false;
    const latest = { ...activityItems[0]!, status: 'done', etag: '"act-1-2"', version: 2 };
    const api = mockFetch({
      'GET /api/plans/current/summary': () => ({
        status: 200,
        body: conflicted
          ? {
              ...current,
              summary: {
                ...summary,
                activities: summary.activities.map((a) =>
                  a.id === 'act-1' ? { ...a, status: 'done' as const } : a,
                ),
              },
              activities: [latest, ...activityItems.slice(1)],
            }
          : current,
      }),
      'GET /api/plans': plans,
      'PATCH /api/plan-activities/act-1': (call) => {
        if (call.headers['if-match'] === '"act-1-1"') {
          conflicted = true;
          return conflict;
        }
        return { status: 200, body: { ...latest, ...(call.body as object), etag: '"act-1-3"' } };
      },
    });
    renderView(<PlanBody canWrite />);

    fireEvent.click(await screen.findByRole('button', { name: `Edit ${PANELS}` }));
    const form = screen.getByRole('form', { name: `Edit ${PANELS}` });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Days allocated' }), {
      target: { value: '6.5' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Activity title' }), {
      target: { value: 'Observe rapid-review panels and their follow-up' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));

    await waitFor(() =>
      expect(alertText()).toContain(
        `${PANELS} was changed by someone else after you opened it. The latest version has been loaded`,
      ),
    );
    expect(alertText()).toContain('What you typed is still in the form.');
    // The latest version loads underneath: untouched fields take it, typed ones stay.
    await waitFor(() => expect(api.callsTo('GET', '/api/plans/current/summary')).toHaveLength(2));
    const kept = screen.getByRole('form', { name: `Edit ${PANELS}` });
    await waitFor(() =>
      expect(within(kept).getByRole('combobox', { name: 'Activity status' })).toHaveProperty(
        'value',
        'done',
      ),
    );
    expect(within(kept).getByRole('spinbutton', { name: 'Days allocated' })).toHaveProperty(
      'value',
      '6.5',
    );
    expect(within(kept).getByRole('textbox', { name: 'Activity title' })).toHaveProperty(
      'value',
      'Observe rapid-review panels and their follow-up',
    );

    fireEvent.click(within(kept).getByRole('button', { name: 'Save activity' }));
    await screen.findByText('Activity saved: Observe rapid-review panels and their follow-up.');
    const [, retry] = api.callsTo('PATCH', '/api/plan-activities/act-1');
    expect(retry?.headers['if-match']).toBe('"act-1-2"');
    expect(retry?.body).toEqual({
      title: 'Observe rapid-review panels and their follow-up',
      daysAllocated: 6.5,
    });
  });

  it('keeps the edits when the server cannot be reached, and says nothing has changed', async () => {
    const api = mockFetch({
      'GET /api/plans/current/summary': { status: 200, body: current },
      'GET /api/plans': plans,
      'PATCH /api/plan-activities/act-3': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderView(<PlanBody canWrite />);
    const title = 'Frontline visits with practitioners';
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${title}` }));
    const form = screen.getByRole('form', { name: `Edit ${title}` });

    // No change: nothing is sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
    await within(form).findByText('Nothing to save: no field has changed.');
    expect(api.callsTo('PATCH', '/api/plan-activities/act-3')).toHaveLength(0);

    // A field emptied is said beside it and in the summary.
    const theme = within(form).getByRole('combobox', { name: 'Theme' });
    fireEvent.change(theme, { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
    expect(await within(form).findAllByText('Name the theme.')).toHaveLength(2);
    expect(api.callsTo('PATCH', '/api/plan-activities/act-3')).toHaveLength(0);

    fireEvent.change(theme, { target: { value: 'Voice of young people' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save activity' }));
    await within(form).findByText(
      'Could not reach the server. Check the connection and try again.',
    );
    expect(theme).toHaveProperty('value', 'Voice of young people');
    expect(api.callsTo('PATCH', '/api/plan-activities/act-3')[0]?.body).toEqual({
      theme: 'Voice of young people',
    });

    // Closing the form keeps what was typed for when it is opened again; Cancel discards it.
    const toggle = screen.getByRole('button', { name: `Edit ${title}` });
    fireEvent.click(toggle);
    expect(screen.queryByRole('form', { name: `Edit ${title}` })).toBeNull();
    fireEvent.click(toggle);
    const reopened = screen.getByRole('form', { name: `Edit ${title}` });
    expect(within(reopened).getByRole('combobox', { name: 'Theme' })).toHaveProperty(
      'value',
      'Voice of young people',
    );
    fireEvent.click(within(reopened).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    expect(
      within(screen.getByRole('form', { name: `Edit ${title}` })).getByRole('combobox', {
        name: 'Theme',
      }),
    ).toHaveProperty('value', 'Voice of children and families');
  });

  it('changes the day budget with If-Match, and keeps the figures typed on a 412', async () => {
    let conflicted = false;
    const api = mockFetch({
      'GET /api/plans/current/summary': () => ({
        status: 200,
        body: conflicted
          ? { ...current, plan: { ...plan, dayRate: 700, etag: '"plan-2026-2"', version: 2 } }
          : current,
      }),
      'GET /api/plans': plans,
      'PATCH /api/plans/plan-2026': (call) => {
        if (call.headers['if-match'] === '"plan-2026-1"') {
          conflicted = true;
          return conflict;
        }
        return {
          status: 200,
          body: { ...plan, dayRate: 700, ...(call.body as object), etag: '"plan-2026-3"' },
        };
      },
    });
    renderView(<PlanBody canWrite />);

    const toggle = await screen.findByRole('button', { name: 'Change day budget' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', { name: 'Change day budget' });
    const contracted = within(form).getByRole('spinbutton', { name: 'Days contracted' });
    expect(contracted).toHaveProperty('value', '24');
    expect(document.activeElement).toBe(contracted);
    expect(within(form).getByRole('spinbutton', { name: 'Day rate (£)' })).toHaveProperty(
      'value',
      '650',
    );
    fireEvent.change(contracted, { target: { value: '26' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save day budget' }));

    await waitFor(() =>
      expect(alertText()).toContain(
        'The plan was changed by someone else after you opened this form.',
      ),
    );
    expect(alertText()).toContain('What you typed is still in the form.');
    const [first] = api.callsTo('PATCH', '/api/plans/plan-2026');
    expect(first?.body).toEqual({ daysContracted: 26 });
    // The other change (the rate) loads; the days typed stay.
    await waitFor(() =>
      expect(within(form).getByRole('spinbutton', { name: 'Day rate (£)' })).toHaveProperty(
        'value',
        '700',
      ),
    );
    expect(contracted).toHaveProperty('value', '26');

    fireEvent.click(within(form).getByRole('button', { name: 'Save day budget' }));
    await screen.findByText('Day budget saved: 26 days at £700 a day.');
    const [, retry] = api.callsTo('PATCH', '/api/plans/plan-2026');
    expect(retry?.headers['if-match']).toBe('"plan-2026-2"');
    expect(retry?.body).toEqual({ daysContracted: 26 });
    expect(screen.queryByRole('form', { name: 'Change day budget' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('shows an earlier reporting year read-only when it is chosen', async () => {
    const past: PlanSummary = {
      ...summary,
      reportingYear: 2025,
      label: '2025/26',
      start: '2025-04-01',
      end: '2026-03-31',
      activities: summary.activities.slice(0, 1),
      warnings: [],
    };
    const plan2025 = item('plan-2025', { reportingYear: 2025, daysContracted: 16, dayRate: 600 });
    const api = mockFetch({
      'GET /api/plans/current/summary': { status: 200, body: current },
      'GET /api/plans': { status: 200, body: { items: [plan2025, plan] } },
      'GET /api/plans/2025/summary': {
        status: 200,
        body: { plan: plan2025, summary: past, activities: activityItems.slice(0, 1) },
      },
    });
    renderView(<PlanBody canWrite />);

    const select = await screen.findByRole('combobox', { name: 'Reporting year' });
    expect(select).toHaveProperty('value', '2026');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2026/27 (current)', '2025/26']);
    expect(screen.getByRole('button', { name: 'Log days' })).toBeTruthy();

    fireEvent.change(select, { target: { value: '2025' } });
    await screen.findByText('2025/26 is closed: figures are final.');
    expect(api.callsTo('GET', '/api/plans/2025/summary')).toHaveLength(1);
    expect(
      screen.getByText('Reporting year 2025 to 2026: 1 April 2025 to 31 March 2026.'),
    ).toBeTruthy();
    expect(
      screen
        .getByText('Showing the plan for 2025/26. 2025/26 is closed: figures are final.')
        .getAttribute('role'),
    ).toBe('status');
    // The same control, kept in place while the year loads, so focus stays on it.
    expect(screen.getByRole('combobox', { name: 'Reporting year' })).toBe(select);
    expect(select).toHaveProperty('value', '2025');
    for (const name of ['Log days', 'Add activity', 'Change day budget', `Edit ${PANELS}`]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('form')).toBeNull();

    // Back to the current year: its plan and forms return.
    fireEvent.change(select, { target: { value: '2026' } });
    await screen.findByRole('button', { name: 'Log days' });
    expect(api.callsTo('GET', '/api/plans/current/summary')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Change day budget' })).toBeTruthy();
    expect(screen.queryByText('2025/26 is closed: figures are final.')).toBeNull();
  });

  it('offers no changes to a reader', async () => {
    mockFetch({
      'GET /api/plans/current/summary': { status: 200, body: current },
      'GET /api/plans': plans,
    });
    renderView(<PlanBody canWrite={false} />);
    await screen.findByRole('combobox', { name: 'Reporting year' });
    expect(screen.queryByRole('button', { name: 'Change day budget' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Change' })).toBeNull();
  });

  it('has no axe violations with the day budget and an activity form open', async () => {
    mockFetch({
      'GET /api/plans/current/summary': { status: 200, body: current },
      'GET /api/plans': plans,
    });
    const { container } = renderView(
      <main>
        <PlanBody canWrite />
      </main>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Change day budget' }));
    fireEvent.click(screen.getByRole('button', { name: `Edit ${PANELS}` }));
    fireEvent.click(
      screen.getByRole('button', { name: 'Edit Frontline visits with practitioners' }),
    );
    // Colour contrast needs a real layout engine; the Chromium e2e covers it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});

describe('read-only years', () => {
  it('says a past year is closed and a future one not started', () => {
    expect(readOnlyText(summary)).toBeNull();
    expect(readOnlyText({ ...summary, today: '2027-04-01' })).toBe(
      '2026/27 is closed: figures are final.',
    );
    expect(readOnlyText({ ...summary, today: '2026-03-31' })).toBe(
      '2026/27 has not started: it is read-only until 1 April 2026.',
    );
  });
});
