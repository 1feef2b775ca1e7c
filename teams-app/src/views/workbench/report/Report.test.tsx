import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { reportingYearOf } from '../../../../../src/domain/plan-year';
import { isoDateFromToday } from '../../../format/dates';
import { item, mockFetch, type Route } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { me } from '../test/fixtures';
import { useMe } from '../useMe';
import { ReportSection } from './ReportSection';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

function Harness() {
  const who = useMe();
  return (
    <main>
      <h1>Workbench</h1>
      <ReportSection me={who} />
    </main>
  );
}

const YEAR = reportingYearOf(isoDateFromToday(0));
const CHECKLIST = `/api/reports/yearly/checklist?year=${YEAR}`;
const SUMMARY = `/api/reports/yearly/${YEAR}/summary`;
const SIGN_OFF = `/api/reports/yearly/${YEAR}/sign-off`;

const draftReport = item('report-1', {
  year: YEAR,
  reportKey: `yearly:${YEAR}`,
  summaryJudgement: 'The partnership knows itself well.',
  status: 'draft',
});

function checklist(report: unknown, distributions: unknown[] = []) {
  return {
    report,
    period: { from: `${YEAR}-04-01`, to: `${YEAR + 1}-03-31` },
    sections: [
      {
        key: 'case-reviews',
        title: 'Case review timeliness',
        expected: true,
        state: 'ok',
        count: 6,
        hint: 'Notifications and rapid reviews against their clocks.',
      },
      {
        key: 'voice',
        title: 'Voice of children and families',
        expected: true,
        state: 'thin',
        count: 1,
        hint: 'Only one observation names this line of enquiry.',
      },
      {
        key: 'training',
        title: 'Training effectiveness',
        expected: false,
        state: 'empty',
        count: 0,
        hint: 'Nothing recorded yet.',
      },
    ],
    distributions,
  };
}

const asRole = (roles: string[]) => ({ ...me, person: { ...me.person, roles } });

function routes(extra: Record<string, Route> = {}, who: unknown = me): Record<string, Route> {
  return {
    'GET /api/me': { status: 200, body: who },
    [`GET ${CHECKLIST}`]: { status: 200, body: checklist(draftReport) },
    ...extra,
  };
}

const region = () => screen.findByRole('region', { name: 'Yearly report' });

afterEach(() => vi.restoreAllMocks());

describe('yearly report', () => {
  it('shows each checklist section’s state in words, and whether Working Together expects it', async () => {
    mockFetch(routes());
    renderView(<Harness />);
    const list = await within(await region()).findByRole('list', {
      name: 'Sections of the statement',
    });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringContaining('Expected by Working Together. Enough evidence (6 records).'),
      expect.stringContaining(
        'Expected by Working Together. Thin: little evidence so far (1 record).',
      ),
      expect.stringContaining(
        'Not required by Working Together. Empty: no evidence yet (0 records).',
      ),
    ]);
  });

  it('saves the summary with the report’s etag, and keeps the text when refused', async () => {
    let attempts = 0;
    const { callsTo } = mockFetch(
      routes({
        [`PUT ${SUMMARY}`]: (call) => {
          attempts += 1;
          if (attempts === 1)
            return {
              status: 412,
              body: { error: { code: 'conflict', message: 'Changed by someone else.' } },
            };
          return { status: 200, body: { ...draftReport, ...(call.body as object), version: 2 } };
        },
      }),
    );
    renderView(<Harness />);
    const box = await within(await region()).findByRole('textbox', { name: 'Summary judgement' });
    expect(box).toHaveProperty('value', 'The partnership knows itself well.');
    const text = 'The partnership knows itself well, and acts on what it learns.';
    fireEvent.change(box, { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Save summary judgement' }));
    expect(await screen.findByText(/The report changed since this page read it/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Summary judgement' })).toHaveProperty(
        'value',
        text,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save summary judgement' }));
    expect(await screen.findByText(/Summary judgement for .* saved\./)).toBeTruthy();
    const puts = callsTo('PUT', SUMMARY);
    expect(puts).toHaveLength(2);
    expect(puts[1]?.headers['if-match']).toBe('"report-1-1"');
    expect(puts[1]?.body).toEqual({ summaryJudgement: text });
  });

  it('signs off only after confirming, then shows the year read-only', async () => {
    let signed = false;
    const signedReport = {
      ...draftReport,
      status: 'signed-off',
      signedOffAt: `${YEAR + 1}-05-20T10:00:00.000Z`,
      version: 2,
      etag: '"report-1-2"',
    };
    const { callsTo } = mockFetch(
      routes({
        [`GET ${CHECKLIST}`]: () => ({
          status: 200,
          body: checklist(signed ? signedReport : draftReport),
        }),
        [`POST ${SIGN_OFF}`]: () => {
          signed = true;
          return { status: 200, body: signedReport };
        },
      }),
    );
    renderView(<Harness />);
    fireEvent.click(await screen.findByRole('button', { name: /^Sign off/ }));
    const dialog = await screen.findByRole('group', { name: /^Sign off the statement/ });
    expect(dialog.textContent).toMatch(/freezes the year’s data/);
    const confirm = within(dialog).getByRole('button', { name: 'Sign off and freeze' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /^Sign off the statement/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Sign off/ }));
    expect(callsTo('POST', SIGN_OFF)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: /^Sign off/ }));
    fireEvent.click(
      within(await screen.findByRole('group', { name: /^Sign off the statement/ })).getByRole(
        'button',
        {
          name: 'Sign off and freeze',
        },
      ),
    );
    expect(await screen.findByText(/Signed off on 20 May/)).toBeTruthy();
    expect(callsTo('POST', SIGN_OFF)[0]?.headers['if-match']).toBe('"report-1-1"');
    expect(screen.queryByRole('textbox', { name: 'Summary judgement' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Sign off/ })).toBeNull();
  });

  it('downloads the statement with the bearer token and saves it through an object URL', async () => {
    const createObjectURL = vi.fn(() => 'blob:statement');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { callsTo } = mockFetch(
      routes({ [`GET /api/reports/yearly?year=${YEAR}`]: { status: 200, body: 'docx' } }),
    );
    renderView(<Harness />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download statement (Word)' }));
    expect(
      await screen.findByText(
        `Downloaded Independent-Scrutineer-statement-${YEAR}-${String(YEAR + 1).slice(2)}.docx.`,
      ),
    ).toBeTruthy();
    const [call] = callsTo('GET', `/api/reports/yearly?year=${YEAR}`);
    expect(call?.headers.authorization).toBe('Bearer test-token');
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(click).toHaveBeenCalledOnce();
  });

  it('asks for the inspection pack of the chosen theme', async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x') }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const path = '/api/export/inspection-pack.xlsx?theme=voice-of-the-child';
    const { callsTo } = mockFetch(routes({ [`GET ${path}`]: { status: 200, body: 'xlsx' } }));
    renderView(<Harness />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Inspection pack theme' }), {
      target: { value: 'voice-of-the-child' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download inspection pack (Excel)' }));
    await screen.findByText('Downloaded inspection-pack-voice-of-the-child.xlsx.');
    expect(callsTo('GET', path)).toHaveLength(1);
  });

  it('records a distribution once per submission, with the same key on a retry', async () => {
    let attempts = 0;
    const signedReport = {
      ...draftReport,
      status: 'signed-off',
      signedOffAt: '2027-05-20T10:00:00Z',
    };
    const DIST = `/api/reports/yearly/${YEAR}/distributions`;
    const { callsTo } = mockFetch(
      routes(
        {
          [`GET ${CHECKLIST}`]: { status: 200, body: checklist(signedReport) },
          [`POST ${DIST}`]: (call) => {
            attempts += 1;
            if (attempts === 1)
              return {
                status: 503,
                body: { error: { code: 'unavailable', message: 'Try again.' } },
              };
            return { status: 201, body: item('dist-1', call.body as object) };
          },
        },
        asRole(['business-unit']),
      ),
    );
    renderView(<Harness />);
    const form = await screen.findByRole('form', { name: 'Record where the statement was sent' });
    expect(screen.queryByRole('textbox', { name: 'Summary judgement' })).toBeNull();
    fireEvent.click(within(form).getByRole('radio', { name: /national|Panel/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Record as sent' }));
    await screen.findByText('Try again.');
    fireEvent.click(within(form).getByRole('button', { name: 'Record as sent' }));
    await screen.findByText('Recorded in the distribution log.');
    const sent = callsTo('POST', DIST).map((c) => c.body as { distributionKey: string });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      recipient: 'national-panel',
      distributionKey: sent[0]!.distributionKey,
    });
  });

  it('gives an executive the checklist and downloads but no editor, sign-off or log form', async () => {
    mockFetch(routes({}, asRole(['partnership-chair'])));
    renderView(<Harness />);
    const section = await region();
    await within(section).findByText('The partnership knows itself well.');
    expect(within(section).queryByRole('textbox', { name: 'Summary judgement' })).toBeNull();
    expect(within(section).queryByRole('button', { name: /^Sign off/ })).toBeNull();
    expect(within(section).queryByRole('form')).toBeNull();
    expect(within(section).getByRole('button', { name: 'Download statement (Word)' })).toBeTruthy();
  });

  it('has no axe violations with the editor and the sign-off confirmation open', async () => {
    mockFetch(routes());
    const { container } = renderView(<Harness />);
    fireEvent.click(await screen.findByRole('button', { name: /^Sign off/ }));
    await screen.findByRole('group', { name: /^Sign off the statement/ });
    const result = await axe.run(container, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
