import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { item, mockFetch, type RecordedCall, type Route } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { me } from '../test/fixtures';
import { useMe } from '../useMe';
import { TasksSection } from '../tasks/TasksSection';
import { VerificationSection } from './VerificationSection';
import { useWorkLink } from './workLink';
import { tasks, tracker } from './test/fixtures';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

/** The two sections as the workbench places them, sharing one link. */
function Harness() {
  const who = useMe();
  const link = useWorkLink();
  return (
    <main>
      <h1>Workbench</h1>
      <TasksSection me={who} link={link} />
      <VerificationSection me={who} link={link} />
    </main>
  );
}

const asRole = (roles: string[]) => ({ ...me, person: { ...me.person, roles } });

function routes(extra: Record<string, Route> = {}, who: unknown = me): Record<string, Route> {
  return {
    'GET /api/me': { status: 200, body: who },
    'GET /api/tasks': { status: 200, body: { tasks } },
    'GET /api/tracker': { status: 200, body: tracker },
    'GET /api/items/actions/action-1/evidence': { status: 200, body: { files: [] } },
    ...extra,
  };
}

const EVENTS = '/api/actions/action-1/events';
const verification = () => screen.findByRole('region', { name: 'Verification' });

/** The entry for an action, found by its description. */
async function entryFor(description: string) {
  const region = await verification();
  return (await within(region).findByText(description)).closest('li')!;
}

async function openVerify() {
  const entry = await entryFor('Send audit summaries to the police sub-group');
  fireEvent.click(within(entry).getByRole('button', { name: /^Verify/ }));
  return screen.findByRole('form', {
    name: 'Verify: Send audit summaries to the police sub-group',
  });
}

const typeNote = (form: HTMLElement, text: string) =>
  fireEvent.change(within(form).getByRole('textbox', { name: /Evidence seen/ }), {
    target: { value: text },
  });

const created = (call: RecordedCall): { status: number; body: unknown } => ({
  status: 201,
  body: {
    action: item('action-1', { status: 'verified' }),
    event: item('event-1', call.body as object),
  },
});

describe('tasks', () => {
  it('lists due impact checks first, marked Due, and opens the verify form from a task', async () => {
    mockFetch(routes());
    renderView(<Harness />);
    const list = await screen.findByRole('list', { name: 'Tasks' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Due: 3-month impact check, due 1 September 2026/),
      expect.stringMatching(/^Awaiting verification, reported done on 20 November 2026/),
      expect.stringMatching(/^12-month impact check, due 1 March 2027/),
    ]);
    expect(items[2]!.textContent).not.toMatch(/Due:/);

    await entryFor('Send audit summaries to the police sub-group');
    fireEvent.click(within(items[1]!).getByRole('button', { name: /^Verify/ }));
    const form = await screen.findByRole('form', {
      name: 'Verify: Send audit summaries to the police sub-group',
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(form).getByRole('textbox', { name: /Evidence seen/ }),
      ),
    );
  });

  it('opens an impact check from a task and records it with the check’s etag', async () => {
    const { callsTo } = mockFetch(
      routes({
        'PATCH /api/impact-checks/check-1': (call) => ({
          status: 200,
          body: { ...item('check-1', call.body as object), etag: '"check-1-2"' },
        }),
      }),
    );
    renderView(<Harness />);
    await entryFor('Publish the escalation protocol');
    const list = await screen.findByRole('list', { name: 'Tasks' });
    // The due check comes first.
    fireEvent.click(
      within(list).getAllByRole('button', { name: /^Record the impact check for/ })[0]!,
    );
    const form = await screen.findByRole('form', { name: /^3-month impact check/ });
    fireEvent.click(within(form).getByRole('radio', { name: 'Gone well' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /Outcome/ }), {
      target: { value: 'Escalations now reach the right manager within a day.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the impact check' }));
    await screen.findByText('The 3-month impact check is recorded.');
    const [patch] = callsTo('PATCH', '/api/impact-checks/check-1');
    // The etag the tracker carried: nothing else is asked for first.
    expect(patch?.headers['if-match']).toBe('"check-1-1"');
    expect(callsTo('POST', '/api/actions/action-2/impact-checks')).toEqual([]);
    expect(patch?.body).toEqual({
      status: 'done',
      outcomeClass: 'gone-well',
      outcome: 'Escalations now reach the right manager within a day.',
    });
  });
});

describe('verification', () => {
  it('groups actions by status, awaiting verification first, with each RAG in words', async () => {
    mockFetch(routes());
    renderView(<Harness />);
    const region = await verification();
    await within(region).findByText('Send audit summaries to the police sub-group');
    const headings = within(region)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual([
      'Awaiting verification (1)',
      'Open (1)',
      'Paused (1)',
      'Verified (1)',
    ]);
    const entry = await entryFor('Train front-door staff in escalation');
    expect(entry.textContent).toMatch(/Red No update for 7 weeks\. Open, due 30 September 2026/);
  });

  it('requires the evidence seen before sending anything', async () => {
    const { callsTo } = mockFetch(routes());
    renderView(<Harness />);
    const form = await openVerify();
    fireEvent.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(await within(form).findByText('Evidence seen is required.')).toBeTruthy();
    expect(callsTo('POST', EVENTS)).toHaveLength(0);
  });

  it.each([
    [409, 'conflict', 'Only a done action can be verified.'],
    [400, 'invalid', 'Write what you saw: the note is empty.'],
  ])('shows the server’s reason on %i and keeps what was typed', async (status, code, message) => {
    mockFetch(
      routes({
        [`POST ${EVENTS}`]: { status, body: { error: { code, message } } },
      }),
    );
    renderView(<Harness />);
    const form = await openVerify();
    typeNote(form, 'Saw the sub-group minutes for June.');
    fireEvent.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText('What you typed is still in the form.')).toBeTruthy();
    const again = await screen.findByRole('form', { name: /^Verify: Send audit/ });
    expect(within(again).getByRole('textbox', { name: /Evidence seen/ })).toHaveProperty(
      'value',
      'Saw the sub-group minutes for June.',
    );
  });

  it('sends the same eventKey again when retrying after a network failure', async () => {
    let attempts = 0;
    const { callsTo } = mockFetch(
      routes({
        [`POST ${EVENTS}`]: (call) => {
          attempts += 1;
          if (attempts === 1) throw new TypeError('Failed to fetch');
          return created(call);
        },
      }),
    );
    renderView(<Harness />);
    const form = await openVerify();
    typeNote(form, 'Saw the sub-group minutes for June.');
    fireEvent.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/Could not reach the server/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Verify' }));
    await screen.findByText(/Send audit summaries to the police sub-group: verified\./);
    const sent = callsTo('POST', EVENTS).map((c) => c.body as { eventKey: string; kind: string });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.eventKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.eventKey).toBe(sent[0]!.eventKey);
    expect(sent[1]).toMatchObject({
      kind: 'verified',
      note: 'Saw the sub-group minutes for June.',
    });
  });

  it('asks for confirmation when the file cannot be checked, and re-sends it attested', async () => {
    const UPLOAD = '/api/items/actions/action-1/evidence';
    const { callsTo } = mockFetch(
      routes({
        [`POST ${UPLOAD}`]: {
          status: 422,
          body: {
            error: {
              code: 'attestation-required',
              message:
                'This file’s text cannot be checked for details that identify a child or family (scanned image).',
            },
          },
        },
        [`POST ${UPLOAD}?attested=true`]: {
          status: 201,
          body: { id: 'file-1', name: 'minutes scan.pdf', size: 2048, screening: 'attested' },
        },
      }),
    );
    renderView(<Harness />);
    const form = await openVerify();
    const file = new File(['%PDF-1.4'], 'minutes scan.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText('Evidence file'), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload file' }));
    const confirm = await within(form).findByRole('group', {
      name: 'Confirm the file names no one',
    });
    expect(within(confirm).getByText(/cannot be checked/)).toBeTruthy();
    // Not without the tick.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Upload with my confirmation' }));
    expect(await within(form).findByText(/Tick the box to confirm/)).toBeTruthy();
    expect(callsTo('POST', `${UPLOAD}?attested=true`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('checkbox'));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Upload with my confirmation' }));
    expect(
      await within(form).findByText('minutes scan.pdf is attached to the action.'),
    ).toBeTruthy();
    const [first] = callsTo('POST', UPLOAD);
    const [attested] = callsTo('POST', `${UPLOAD}?attested=true`);
    expect(first?.headers['x-file-name']).toBe('minutes%20scan.pdf');
    expect(attested?.headers['x-file-name']).toBe('minutes%20scan.pdf');
    expect(attested?.headers.authorization).toBe('Bearer test-token');
  });

  it('shows a size refusal plainly', async () => {
    mockFetch(
      routes({
        'POST /api/items/actions/action-1/evidence': {
          status: 413,
          body: {
            error: {
              code: 'too-large',
              message: 'The file is too large: evidence files may be up to 20 MB.',
            },
          },
        },
      }),
    );
    renderView(<Harness />);
    const form = await openVerify();
    const file = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText('Evidence file'), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload file' }));
    expect(
      await within(form).findByText('The file is too large: evidence files may be up to 20 MB.'),
    ).toBeTruthy();
  });

  it.each([
    [{ planActivityId: 'act-9' }, 'landed on the scrutiny plan.'],
    [
      { note: 'No scrutiny plan for 2026/27 yet.' },
      'is scheduled but is not on a scrutiny plan. No scrutiny plan for 2026/27 yet.',
    ],
  ])('schedules an impact check and says whether it reached the plan', async (extra, said) => {
    const { callsTo } = mockFetch(
      routes({
        'POST /api/actions/action-2/impact-checks': {
          status: 201,
          body: item('check-2', {
            monthsAfter: 6,
            dueDate: '2026-12-01',
            status: 'scheduled',
            ...extra,
          }),
        },
      }),
    );
    renderView(<Harness />);
    const entry = await entryFor('Publish the escalation protocol');
    fireEvent.click(within(entry).getByRole('button', { name: /^Schedule impact check/ }));
    const form = await screen.findByRole('form', { name: /^Schedule an impact check/ });
    fireEvent.click(within(form).getByRole('radio', { name: '6 months after verification' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Schedule impact check' }));
    expect(
      await screen.findByText(`The 6-month impact check, due 1 December 2026, ${said}`),
    ).toBeTruthy();
    expect(callsTo('POST', '/api/actions/action-2/impact-checks')[0]?.body).toEqual({
      monthsAfter: 6,
    });
  });

  it.each([
    ['business unit', ['business-unit']],
    ['lead safeguarding partner', ['lead-safeguarding-partner']],
  ])('offers no acts to the %s', async (_who, roles) => {
    mockFetch(
      routes(
        roles[0] === 'business-unit'
          ? {}
          : {
              'GET /api/tasks': {
                status: 403,
                body: { error: { code: 'forbidden', message: 'No.' } },
              },
            },
        asRole(roles),
      ),
    );
    renderView(<Harness />);
    const region = await verification();
    await within(region).findByText('Send audit summaries to the police sub-group');
    await waitFor(() =>
      expect(
        within(region).queryByRole('button', { name: /^(Verify|Reopen|Pause|Resume)/ }),
      ).toBeNull(),
    );
    expect(within(region).queryByRole('button', { name: /Schedule impact check/ })).toBeNull();
    expect(within(region).queryByRole('button', { name: /Record the outcome/ })).toBeNull();
    if (roles[0] === 'business-unit') {
      const list = await screen.findByRole('list', { name: 'Tasks' });
      expect(within(list).queryByRole('button')).toBeNull();
    } else {
      expect(screen.queryByRole('region', { name: 'Tasks' })).toBeNull();
    }
  });

  it('has no axe violations with the verify form and a refusal showing', async () => {
    mockFetch(
      routes({
        'POST /api/items/actions/action-1/evidence': {
          status: 422,
          body: { error: { code: 'attestation-required', message: 'The text cannot be checked.' } },
        },
      }),
    );
    const { container } = renderView(<Harness />);
    const form = await openVerify();
    fireEvent.click(within(form).getByRole('button', { name: 'Verify' }));
    await within(form).findByText('Evidence seen is required.');
    const file = new File(['x'], 'scan.png', { type: 'image/png' });
    fireEvent.change(within(form).getByLabelText('Evidence file'), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload file' }));
    await within(form).findByRole('group', { name: 'Confirm the file names no one' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
