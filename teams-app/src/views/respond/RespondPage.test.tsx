import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../app/App';
import { showsNav, viewFor } from '../../routing/routes';
import { mockFetch, type RecordedCall } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { RespondPage } from './RespondPage';
import type { LinkView, RecordedResult } from './types';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJsaW5rSWQiOiJsaW5rLTEifQ.c2ln';
const GET = `GET /api/respond-links/${TOKEN}`;
const POST = `POST /api/respond-links/${TOKEN}/response`;

const view: LinkView = {
  recommendationId: 'rec-1',
  partnerId: 'partner-police',
  reference: 'HSCP-R-2026-03',
  title: 'Assure police attendance at strategy discussions',
  text: 'Eastshire Constabulary should show how the right officer attends every strategy discussion.',
  priority: 'high',
  responseDueDate: '2026-06-30',
  partnerName: 'Eastshire Constabulary',
  findings: [
    {
      title: 'Strategy discussions start late out of hours',
      evidenceClass: 'worry',
      summary: 'Audit and practitioners agree.',
    },
  ],
  owners: [
    { personId: 'person-aisha', displayName: 'Aisha Noor', jobTitle: 'Head of Public Protection' },
    { personId: 'person-tom', displayName: 'Tom Bradley' },
  ],
  maxActions: 5,
  expiresAt: '2026-07-07T23:59:59.000Z',
};

const recorded: RecordedResult = {
  outcome: 'recorded',
  created: true,
  channel: 'web-link',
  partnerName: 'Eastshire Constabulary',
  response: {
    decision: 'accept',
    rationale: 'We agree.',
    responderName: 'Aisha Noor',
    respondedAt: '2026-05-14T09:30:00.000Z',
    channel: 'web-link',
    actions: [
      {
        description: 'Name a duty inspector.',
        ownerName: 'Tom Bradley',
        targetDate: '2099-01-31',
        evidence: 'The rota.',
      },
    ],
  },
};

function openPage(path = `/respond?t=${TOKEN}`) {
  window.history.replaceState(null, '', path);
  return renderView(<RespondPage />);
}

const fillAction = (
  slot: number,
  values: { what: string; owner: string; date: string; evidence: string },
) => {
  const group = screen.getByRole('group', { name: `Action ${slot}` });
  fireEvent.change(within(group).getByRole('textbox', { name: 'What will be done' }), {
    target: { value: values.what },
  });
  fireEvent.change(within(group).getByRole('combobox', { name: 'Owner' }), {
    target: { value: values.owner },
  });
  fireEvent.change(within(group).getByLabelText(/Target date/), { target: { value: values.date } });
  fireEvent.change(within(group).getByRole('textbox', { name: /Evidence expected/ }), {
    target: { value: values.evidence },
  });
};

describe('the web response page', () => {
  it('is routed at /respond, without the scrutineer’s nav', () => {
    expect(viewFor('/respond', undefined)).toBe('respond');
    expect(viewFor('/respond/', 'content')).toBe('respond');
    expect(showsNav('respond', false, undefined)).toBe(false);
  });

  it('shows the recommendation and the card’s form, and records the response', async () => {
    const api = mockFetch({
      [GET]: { status: 200, body: view },
      [POST]: { status: 201, body: recorded },
    });
    openPage();

    await screen.findByRole('heading', {
      level: 1,
      name: 'Respond to recommendation HSCP-R-2026-03',
    });
    expect(screen.getByRole('heading', { level: 2, name: view.title })).toBeTruthy();
    expect(screen.getByText(view.text)).toBeTruthy();
    expect(screen.getByText('30 June 2026')).toBeTruthy();
    expect(screen.getByText('Strategy discussions start late out of hours')).toBeTruthy();
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    expect(
      within(owner)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose who owns it', 'Aisha Noor, Head of Public Protection', 'Tom Bradley']);

    fireEvent.click(screen.getByRole('radio', { name: 'Accept' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Rationale/ }), {
      target: { value: 'We agree.' },
    });
    fillAction(1, {
      what: 'Name a duty inspector.',
      owner: 'person-tom',
      date: '2099-01-31',
      evidence: 'The rota.',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit response' }));

    const done = await screen.findByRole('heading', {
      level: 2,
      name: 'Your response is recorded (channel: email link)',
    });
    expect(done.contains(document.activeElement)).toBe(true);
    expect(screen.getByText('Decision: Accept')).toBeTruthy();
    expect(screen.getByText('Name a duty inspector.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit response' })).toBeNull();
    expect(api.callsTo('POST', `/api/respond-links/${TOKEN}/response`)[0]?.body).toEqual({
      decision: 'accept',
      rationale: 'We agree.',
      actions: [
        {
          description: 'Name a duty inspector.',
          ownerId: 'person-tom',
          targetDate: '2099-01-31',
          evidenceExpected: 'The rota.',
        },
      ],
    });
  });

  it('asks for a decision and a rationale before sending anything', async () => {
    const api = mockFetch({ [GET]: { status: 200, body: view } });
    openPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Submit response' }));
    await screen.findByText('Your response is not ready to send yet.');
    expect(
      screen.getAllByText('Choose accept, partially accept or decline.').length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('textbox', { name: /Rationale/ }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Accept' }));
    expect(api.callsTo('POST', `/api/respond-links/${TOKEN}/response`)).toEqual([]);
  });

  it('shows the server’s problems and keeps every word typed, then sends again', async () => {
    let replies = 0;
    const api = mockFetch({
      [GET]: { status: 200, body: view },
      [POST]: (_call: RecordedCall) =>
        ++replies === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: 'invalid',
                  message:
                    'Action 1: add who owns it.\nAction 1: the target date is in the past; choose today or later.',
                },
              },
            }
          : replies === 2
            ? {
                status: 422,
                body: {
                  error: {
                    code: 'identifiable-data',
                    message: 'This text appears to identify a child or family (name).',
                    fields: [{ field: 'rationale', matches: [{ kind: 'name', start: 0, end: 5 }] }],
                  },
                },
              }
            : {
                status: 201,
                body: {
                  ...recorded,
                  response: { ...recorded.response, decision: 'decline', actions: [] },
                },
              },
    });
    openPage();
    fireEvent.click(await screen.findByRole('radio', { name: 'Partially accept' }));
    const rationale = screen.getByRole('textbox', { name: /Rationale/ });
    fireEvent.change(rationale, { target: { value: 'In part: the rota changes in June.' } });
    const what = screen.getByRole('textbox', { name: 'What will be done' });
    fireEvent.change(what, { target: { value: 'Review the rota.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit response' }));

    await screen.findByText('Your response was not recorded. Please fix these:');
    expect(screen.getByText('Action 1: add who owns it.')).toBeTruthy();
    expect(screen.getByText('What you typed is still in the form.')).toBeTruthy();
    expect(rationale).toHaveProperty('value', 'In part: the rota changes in June.');
    expect(what).toHaveProperty('value', 'Review the rota.');
    expect(screen.getByRole('radio', { name: 'Partially accept' })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('button', { name: 'Submit response' }));
    await screen.findByText('This text appears to identify a child or family (name).');
    await waitFor(() => expect(rationale.getAttribute('aria-invalid')).toBe('true'));
    expect(
      screen.getByText('Rewrite this: it appears to identify a child or family.'),
    ).toBeTruthy();
    expect(rationale).toHaveProperty('value', 'In part: the rota changes in June.');

    fireEvent.click(screen.getByRole('radio', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit response' }));
    await screen.findByRole('heading', { name: 'Your response is recorded (channel: email link)' });
    expect(api.callsTo('POST', `/api/respond-links/${TOKEN}/response`)).toHaveLength(3);
  });

  it('adds actions up to five, and removes them', async () => {
    mockFetch({ [GET]: { status: 200, body: view } });
    openPage();
    const add = await screen.findByRole('button', { name: 'Add another action' });
    for (let n = 2; n <= 5; n++) {
      fireEvent.click(screen.getByRole('button', { name: 'Add another action' }));
      const group = await screen.findByRole('group', { name: `Action ${n}` });
      await waitFor(() =>
        expect(document.activeElement).toBe(
          within(group).getByRole('textbox', { name: 'What will be done' }),
        ),
      );
    }
    expect(add.isConnected).toBe(false);
    expect(screen.getByText('That is the most actions one response can propose.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove action 3' }));
    expect(screen.queryByRole('group', { name: 'Action 5' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Add another action' }),
      ),
    );
  });

  it.each([
    [
      410,
      'link-expired',
      'This link has expired. Ask the partnership’s business unit to send you a new one.',
    ],
    [400, 'link-invalid', 'This link is not valid. Use the whole link from your email.'],
    [403, 'link-wrong-person', 'This link was sent to someone else.'],
  ])('says why a link cannot be used (%i)', async (status, code, message) => {
    mockFetch({ [GET]: { status, body: { error: { code, message } } } });
    openPage();
    const alert = await screen.findByText(message);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit response' })).toBeNull();
    expect(Boolean(screen.queryByRole('link', { name: 'Sign in as someone else' }))).toBe(
      status === 403,
    );
  });

  it('says plainly when the link has already been used', async () => {
    const message =
      'This link has already been used. Aisha Noor accepted this recommendation for Eastshire Constabulary on 14 May 2026, through the email link, with 1 action.';
    mockFetch({ [GET]: { status: 409, body: { error: { code: 'link-used', message } } } });
    openPage();
    const text = await screen.findByText(message);
    expect(text.closest('[role="status"]')).toBeTruthy();
  });

  it('explains itself when opened without a link', async () => {
    mockFetch({});
    openPage('/respond');
    await screen.findByText(/This page opens from the link in the email you were sent/);
  });

  it('keeps what was typed across a sign-in', async () => {
    mockFetch({ [GET]: { status: 200, body: view } });
    const first = openPage();
    fireEvent.change(await screen.findByRole('textbox', { name: /Rationale/ }), {
      target: { value: 'Half written.' },
    });
    first.unmount();
    openPage();
    expect(await screen.findByRole('textbox', { name: /Rationale/ })).toHaveProperty(
      'value',
      'Half written.',
    );
    expect(screen.getByText('What you typed before signing in is back in the form.')).toBeTruthy();
  });

  it('sends a signed-out person to sign in and back to the link', async () => {
    mockFetch({
      'GET /auth/config': { status: 200, body: { mode: 'local' } },
      'GET /dev/people': { status: 200, body: [] },
    });
    window.history.replaceState(null, '', `/respond?t=${TOKEN}`);
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(window.location.search).get('returnTo')).toBe(`/respond?t=${TOKEN}`);
  });
});
