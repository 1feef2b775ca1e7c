import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReminderNotice } from '../../api/reminders';
import { item, mockFetch, partners, type RecordedCall, type Route } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { englandDate } from './reminders/words';
import { findings, me, noPlan } from './test/fixtures';
import { Workbench } from './Workbench';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

// The fictional Harbourside demo partnership's people.
const person = (id: string, displayName: string, roles: string[]) =>
  item(id, {
    displayName,
    upn: `${id}@harbourside.example`,
    entraObjectId: `00000000-0000-0000-0000-0000000000${id.length}`,
    homeTenantId: '00000000-0000-0000-0000-0000000000aa',
    roles,
  });
const people = [
  person('p-sam', 'Sam Carter', ['partner-lead']),
  person('p-helen', 'Helen Rowe', ['lead-safeguarding-partner']),
  person('p-aisha', 'Aisha Noor', ['partner-lead']),
  person('p-priya', 'Priya Shah', ['business-unit']),
  person('p-tom', 'Tom Bradley', ['delegated-safeguarding-partner']),
  person('p-david', 'David Okafor', ['delegated-safeguarding-partner', 'partnership-chair']),
];

const notice = (fields: Partial<ReminderNotice>): ReminderNotice => ({
  personId: 'p-sam',
  personName: 'Sam Carter',
  role: 'owner',
  stage: 'reminder',
  kind: 'response',
  subjectId: 'rec-3',
  reference: 'HSCP-R-2026-03',
  partnerName: 'Harbourside Council',
  dueDate: '2026-06-22',
  workingDaysToDue: 5,
  given: false,
  ...fields,
});

// In the server's order (by item), not by person: the section groups them.
const notices: ReminderNotice[] = [
  notice({}),
  notice({
    personId: 'p-aisha',
    personName: 'Aisha Noor',
    stage: 'overdue',
    kind: 'action',
    subjectId: 'act-1',
    reference: 'HSCP-R-2026-01',
    partnerName: 'Harbourside Police',
    dueDate: '2026-06-12',
    workingDaysToDue: -1,
    given: true,
  }),
  notice({
    personId: 'p-tom',
    personName: 'Tom Bradley',
    role: 'dsp',
    stage: 'escalation-dsp',
    subjectId: 'rec-2',
    reference: 'HSCP-R-2026-02',
    partnerName: 'Harbourside Police',
    dueDate: '2026-06-08',
    workingDaysToDue: -5,
  }),
  notice({
    personId: 'p-aisha',
    personName: 'Aisha Noor',
    subjectId: 'rec-4',
    reference: 'HSCP-R-2026-04',
    partnerName: 'Harbourside Police',
    dueDate: '2026-06-16',
    workingDaysToDue: 1,
  }),
  notice({
    personId: 'p-david',
    personName: 'David Okafor',
    role: 'chair',
    stage: 'escalation-chair',
    kind: 'action',
    subjectId: 'act-7',
    reference: 'HSCP-R-2025-09',
    partnerName: 'Harbourside ICB',
    dueDate: '2026-06-01',
    workingDaysToDue: -10,
    given: true,
  }),
  notice({
    personId: 'p-helen',
    personName: 'Helen Rowe',
    role: 'lsp',
    stage: 'escalation-lsp',
    kind: 'action',
    subjectId: 'act-9',
    reference: 'HSCP-R-2025-07',
    partnerName: 'Harbourside ICB',
    dueDate: '2026-05-22',
    workingDaysToDue: -15,
  }),
];

const davidsTerm = item('term-1', { personId: 'p-david', startsOn: '2025-04-01' });
const closedTerm = item('term-0', {
  personId: 'p-helen',
  startsOn: '2024-04-01',
  endsOn: '2025-03-31',
});

const asRole = (roles: string[]) => ({ ...me, person: { ...me.person, roles } });
const businessUnit = asRole(['business-unit']);

/** The day a preview was asked for. */
const dayOf = (call: RecordedCall) => new URL(call.path, 'http://x').searchParams.get('date');

const PREVIEW = '/api/reminders/preview';
const TERMS = '/api/chair-terms';

function routes(extra: Record<string, Route>, who: unknown = me): Record<string, Route> {
  return {
    'GET /api/me': { status: 200, body: who },
    'GET /api/partners': { status: 200, body: { items: partners } },
    'GET /api/plans/current/summary': noPlan,
    'GET /api/observations?status=open': { status: 200, body: { items: [] } },
    'GET /api/findings': { status: 200, body: { items: findings } },
    'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
    'GET /api/recommendations': { status: 200, body: { items: [] } },
    'GET /api/recommendations/next-reference': {
      status: 200,
      body: { reference: 'HSCP-R-2026-05', scheme: '{prefix}-R-{year}-{seq:2}' },
    },
    'GET /api/slg-items': { status: 200, body: { items: [] } },
    'GET /api/people': { status: 200, body: { items: people } },
    [`GET ${TERMS}`]: { status: 200, body: { items: [davidsTerm, closedTerm] } },
    [`GET ${PREVIEW}`]: (call) => ({
      status: 200,
      body: { date: dayOf(call), notices: dayOf(call) === '2026-06-20' ? [] : notices },
    }),
    ...extra,
  };
}

const section = () => screen.findByRole('region', { name: 'Reminders' });
const chased = async () =>
  within(await section()).findByRole('list', { name: /^Chased on / }, { timeout: 5000 });

/** Each person's heading, and the items under it as the page words them. */
function digest(list: HTMLElement) {
  return [...list.children].map((entry) => ({
    person: within(entry as HTMLElement).getByRole('heading').textContent,
    items: [...entry.querySelectorAll('ul > li')].map((li) => li.textContent),
  }));
}

const chairForm = () => screen.findByRole('form', { name: 'Record a new chair' });

async function choosePerson(form: HTMLElement, name: string) {
  fireEvent.click(within(form).getByRole('combobox', { name: /^Person/ }));
  fireEvent.click(await screen.findByRole('option', { name }));
}

const dateInput = (form: HTMLElement, label: RegExp) =>
  within(form).getByLabelText(label) as HTMLInputElement;

describe('reminders', () => {
  it('shows who today’s run would chase, one group per person, in plain words', async () => {
    const api = mockFetch(routes({}));
    renderView(<Workbench />);
    const list = await chased();

    // Today in England by default, in the picker and in the request.
    const today = englandDate();
    const region = await section();
    expect(within(region).getByLabelText<HTMLInputElement>(/^Day of the run/).value).toBe(today);
    expect(api.callsTo('GET', `${PREVIEW}?date=${today}`)).toHaveLength(1);

    expect(digest(list)).toEqual([
      {
        person: 'Aisha Noor',
        items: [
          'HSCP-R-2026-01: action for Harbourside Police, due 12 June 2026. Overdue (owner), already told',
          'HSCP-R-2026-04: response from Harbourside Police, due 16 June 2026. Due in 1 working day (owner)',
        ],
      },
      {
        person: 'David Okafor',
        items: [
          'HSCP-R-2025-09: action for Harbourside ICB, due 1 June 2026. Escalated to the chair (as chair), already told',
        ],
      },
      {
        person: 'Helen Rowe',
        items: [
          'HSCP-R-2025-07: action for Harbourside ICB, due 22 May 2026. Escalated to the lead safeguarding partners (as LSP)',
        ],
      },
      {
        person: 'Sam Carter',
        items: [
          'HSCP-R-2026-03: response from Harbourside Council, due 22 June 2026. Due in 5 working days (owner)',
        ],
      },
      {
        person: 'Tom Bradley',
        items: [
          'HSCP-R-2026-02: response from Harbourside Police, due 8 June 2026. Escalated to their DSP (as DSP)',
        ],
      },
    ]);
    const status = within(region).getByRole('status');
    expect(status.textContent).toMatch(/: 6 items for 5 people, 2 of them already told\.$/);
    expect(
      within(region).getByText(/These are the defaults set by the server’s configuration/),
    ).toBeTruthy();
  });

  it('asks for the day chosen, and says when nobody is due anything', async () => {
    const api = mockFetch(routes({}));
    renderView(<Workbench />);
    await chased();
    const region = await section();
    const picker = within(region).getByRole('form', { name: 'Who will be chased' });
    fireEvent.change(within(picker).getByLabelText(/^Day of the run/), {
      target: { value: '2026-06-20' },
    });
    fireEvent.click(within(picker).getByRole('button', { name: 'Show who will be chased' }));

    await within(region).findByText('Nobody is due a reminder or escalation on 20 June 2026.');
    expect(within(region).getByRole('status').textContent).toBe(
      'Nobody is due a reminder or escalation on 20 June 2026.',
    );
    expect(within(region).queryByRole('list', { name: /^Chased on / })).toBeNull();
    expect(api.callsTo('GET', `${PREVIEW}?date=2026-06-20`)).toHaveLength(1);

    // A day that is not a day is not sent.
    fireEvent.change(within(picker).getByLabelText(/^Day of the run/), { target: { value: '' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Show who will be chased' }));
    await within(picker).findByText('Choose a day, such as 12 June 2026.');
    expect(api.calls.filter((c) => c.path.startsWith(PREVIEW))).toHaveLength(2);
  });

  it('lists the chair’s terms, latest first, without the form for the scrutineer', async () => {
    const future = item('term-9', { personId: 'p-tom', startsOn: '2099-04-01' });
    mockFetch(
      routes({
        [`GET ${TERMS}`]: { status: 200, body: { items: [future, davidsTerm, closedTerm] } },
      }),
    );
    renderView(<Workbench />);
    const region = await section();
    const terms = await within(region).findByRole('list', { name: 'Chair terms, latest first' });
    expect(
      within(terms)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Tom Bradley: from 1 April 2099 onwards',
      'David Okafor: from 1 April 2025 to date (holds the chair today)',
      'Helen Rowe: from 1 April 2024 until 31 March 2025',
    ]);
    await chased();
    expect(screen.queryByRole('form', { name: 'Record a new chair' })).toBeNull();
    expect(
      within(screen.getByRole('navigation', { name: 'On this page' })).getByRole('link', {
        name: 'Reminders',
      }),
    ).toBeTruthy();
  });

  it('shows neither the section nor its link to anyone but the scrutineer and the business unit', async () => {
    const awaiting = item('slg-1', {
      recommendationId: 'rec-1',
      partnerId: 'partner-police',
      responseId: 'resp-1',
      kind: 'decline',
      status: 'awaiting-ruling',
      itemKey: 'rec-1:partner-police',
      reference: 'HSCP-R-2026-01',
      recommendationTitle: 'Share audit learning with all partners',
      partnerName: 'Harbourside Police',
    });
    const api = mockFetch(
      routes(
        { 'GET /api/slg-items': { status: 200, body: { items: [awaiting] } } },
        asRole(['delegated-safeguarding-partner', 'partner-lead']),
      ),
    );
    renderView(<Workbench />);
    // The SLG section drops its ruling button once it knows who is signed in.
    const slg = await screen.findByRole('region', { name: 'SLG items' });
    await within(slg).findByRole('heading', { name: /^HSCP-R-2026-01:/ });
    await waitFor(() =>
      expect(within(slg).queryByRole('button', { name: /^Record the ruling/ })).toBeNull(),
    );
    expect(screen.queryByRole('region', { name: 'Reminders' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(nav).getByRole('link', { name: 'SLG items' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Reminders' })).toBeNull();
    expect(api.calls.filter((c) => c.path.startsWith(PREVIEW))).toHaveLength(0);
  });

  it('records a new chair for the business unit and reads the terms again', async () => {
    let terms: unknown[] = [davidsTerm, closedTerm];
    const api = mockFetch(
      routes(
        {
          [`GET ${TERMS}`]: () => ({ status: 200, body: { items: terms } }),
          [`POST ${TERMS}`]: (call) => {
            const body = call.body as { personId: string; startsOn: string };
            const added = item('term-2', body);
            terms = [added, { ...davidsTerm, endsOn: '2026-08-31' }, closedTerm];
            return { status: 201, body: added };
          },
        },
        businessUnit,
      ),
    );
    renderView(<Workbench />);
    const form = await chairForm();
    await within(await section()).findByRole('list', { name: 'Chair terms, latest first' });

    // Delegated and lead safeguarding partners first, then everyone else; each by name.
    fireEvent.click(within(form).getByRole('combobox', { name: /^Person/ }));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'David Okafor',
      'Helen Rowe',
      'Tom Bradley',
      'Aisha Noor',
      'Priya Shah',
      'Sam Carter',
    ]);
    fireEvent.click(within(listbox).getByRole('option', { name: 'Tom Bradley' }));
    fireEvent.change(dateInput(form, /^From/), { target: { value: '2026-09-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the new chair' }));

    await within(form).findByText(
      'Recorded: Tom Bradley holds the chair from 1 September 2026; the previous term now ends the day before.',
    );
    const [post] = api.callsTo('POST', TERMS);
    expect(post?.body).toEqual({ personId: 'p-tom', startsOn: '2026-09-01' });
    expect(api.callsTo('POST', TERMS)).toHaveLength(1);
    await waitFor(() => expect(api.callsTo('GET', TERMS)).toHaveLength(2));
    const list = await screen.findByRole('list', { name: 'Chair terms, latest first' });
    // Which term covers today depends on the day the test runs: leave that mark out here.
    const lines = () =>
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(' (holds the chair today)', ''));
    await waitFor(() =>
      expect(lines()).toEqual([
        'Tom Bradley: from 1 September 2026 to date',
        'David Okafor: from 1 April 2025 until 31 August 2026',
        'Helen Rowe: from 1 April 2024 until 31 March 2025',
      ]),
    );
    // Ready for the next one.
    expect(dateInput(form, /^From/).value).toBe('');
  });

  it('says what is missing before sending anything', async () => {
    const api = mockFetch(routes({}, businessUnit));
    renderView(<Workbench />);
    const form = await chairForm();
    fireEvent.change(dateInput(form, /^Until/), { target: { value: '2026-03-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the new chair' }));
    await within(form).findByText('The new chair is not ready to record yet.');
    expect(within(form).getAllByText('Choose who holds the chair.').length).toBeGreaterThan(0);
    expect(within(form).getAllByText('Give the day the term starts.').length).toBeGreaterThan(0);
    expect(api.callsTo('POST', TERMS)).toHaveLength(0);
  });

  it('keeps what was typed and shows the server’s reason when the term is refused', async () => {
    const api = mockFetch(
      routes(
        {
          [`POST ${TERMS}`]: {
            status: 400,
            body: {
              error: {
                code: 'invalid-term',
                message: 'The term must end on or after the day it starts.',
              },
            },
          },
        },
        businessUnit,
      ),
    );
    renderView(<Workbench />);
    const form = await chairForm();
    await choosePerson(form, 'Helen Rowe');
    fireEvent.change(dateInput(form, /^From/), { target: { value: '2026-09-01' } });
    // The same day: allowed here, refused by the (stricter, in this test) server.
    fireEvent.change(dateInput(form, /^Until/), { target: { value: '2026-09-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the new chair' }));

    const alert = await within(form).findByRole('alert');
    await within(alert).findByText('The term must end on or after the day it starts.');
    expect(within(alert).getByText('What you typed is still in the form.')).toBeTruthy();
    const person = within(form).getByRole('combobox', { name: /^Person/ });
    expect(person.textContent).toContain('Helen Rowe');
    expect(dateInput(form, /^From/).value).toBe('2026-09-01');
    const until = dateInput(form, /^Until/);
    expect(until.value).toBe('2026-09-01');
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', TERMS).map((c) => c.body)).toEqual([
      { personId: 'p-helen', startsOn: '2026-09-01', endsOn: '2026-09-01' },
    ]);
    // Nothing was recorded, so the terms are not read again.
    expect(api.callsTo('GET', TERMS)).toHaveLength(1);
  });

  it('has no axe violations with the list, the terms and a refused chair form', async () => {
    mockFetch(
      routes(
        {
          [`POST ${TERMS}`]: {
            status: 400,
            body: {
              error: {
                code: 'invalid-request',
                message: 'The request body is not valid.',
                issues: [{ path: 'startsOn', message: 'Invalid ISO date' }],
              },
            },
          },
        },
        businessUnit,
      ),
    );
    const { container } = renderView(
      <main>
        <Workbench />
      </main>,
    );
    await chased();
    const form = await chairForm();
    await choosePerson(form, 'Priya Shah');
    fireEvent.change(dateInput(form, /^From/), { target: { value: '2026-09-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the new chair' }));
    // In the alert and beside the field it names.
    await waitFor(() => expect(within(form).getAllByText('Invalid ISO date')).toHaveLength(2));
    expect(dateInput(form, /^From/).getAttribute('aria-invalid')).toBe('true');

    const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((h) =>
      Number(h.tagName[1]),
    );
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    // Colour contrast needs a real layout engine; the Chromium e2e covers it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
