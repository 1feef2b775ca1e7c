import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { slgItems, slgRulingOutcomeLabels } from '../../../../src/domain/lists/slg-items';
import { useApi } from '../../api/ApiContext';
import { getSlgItems, type SlgItemRow } from '../../api/slgItems';
import type { Me } from '../../api/types';
import { useResource, type Resource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { StatusArea, type Status } from '../../components/StatusArea';
import { formatDate, formatDateTime } from '../../format/dates';
import { decisionLabels, responseColumns } from '../../forms/fields';
import { hasAnyRole, scrutineerOrBusinessUnit } from './roles';
import { emptyRuling, SlgRulingForm, type RulingDraft } from './slg/SlgRulingForm';

const columns = slgItems.columns;

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalL },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    justifyItems: 'start',
  },
  meta: { margin: 0 },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const awaiting = (row: SlgItemRow) => row.status === 'awaiting-ruling';

/** Soonest meeting first; items with no meeting yet last (the server's order, kept here too). */
const meetingTime = (row: SlgItemRow) => {
  const at = row.meeting ? Date.parse(row.meeting.startsAt) : Number.NaN;
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
};
const bySoonestMeeting = (a: SlgItemRow, b: SlgItemRow) => {
  const [x, y] = [meetingTime(a), meetingTime(b)];
  return x === y ? 0 : x < y ? -1 : 1;
};

function meetingText(row: SlgItemRow): string {
  return row.meeting
    ? `${row.meeting.title}, ${formatDateTime(row.meeting.startsAt)}`
    : 'none in the calendar yet';
}

/** What the partner answered, as every item shows it. */
function ResponseLines({ row }: { row: SlgItemRow }) {
  const styles = useStyles();
  return (
    <>
      <p className={styles.meta}>
        {columns.partnerId.label}: {row.partnerName}
      </p>
      {row.decision && (
        <p className={styles.meta}>
          {responseColumns.decision.label}: {decisionLabels[row.decision]}
          {row.responderName && ` (${row.responderName})`}
        </p>
      )}
      {row.rationale && (
        <p className={styles.quote}>
          {responseColumns.rationale.label}: {row.rationale}
        </p>
      )}
    </>
  );
}

/** The ruling as recorded. */
function RulingLines({ row }: { row: SlgItemRow }) {
  const styles = useStyles();
  return (
    <>
      <p className={styles.meta}>
        {columns.outcome.label}: {row.outcome ? slgRulingOutcomeLabels[row.outcome] : 'not given'}
        {row.ruledAt && `, ${formatDate(row.ruledAt)}`}
      </p>
      {row.rulingNote && (
        <p className={styles.quote}>
          {columns.rulingNote.label}: {row.rulingNote}
        </p>
      )}
    </>
  );
}

/**
 * Partial acceptances and declines for the Strategic Leadership Group's ruling, soonest meeting
 * first, with the form to record each ruling (scrutineer and business unit); ruled items below.
 */
export function SlgSection({ me }: { me: Resource<Me> }) {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(() => getSlgItems(api), [api]);
  const items = useResource(load);
  const mayRule = hasAnyRole(me, scrutineerOrBusinessUnit);
  // Per item, what was typed and whether its form is open: kept through failures and reloads.
  const [drafts, setDrafts] = useState<Record<string, RulingDraft>>({});
  const [openForms, setOpenForms] = useState<Record<string, boolean>>({});
  // Rulings recorded here, shown at once while the list is read again.
  const [recorded, setRecorded] = useState<Record<string, SlgItemRow>>({});
  const [showRuled, setShowRuled] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const ruledToggle = useRef<HTMLButtonElement>(null);
  const focusRuled = useRef(false);

  // After a ruling its form is gone: continue from the list the item moved to.
  useEffect(() => {
    if (!focusRuled.current || !ruledToggle.current) return;
    focusRuled.current = false;
    ruledToggle.current.focus();
  });

  const rows = (items.data ?? []).map((row) => {
    const mine = recorded[row.id];
    return mine && mine.version >= row.version ? mine : row;
  });
  // An open form whose item was ruled meanwhile stays, so what was typed is not lost.
  const pinned = (row: SlgItemRow) => openForms[row.id] === true && drafts[row.id] !== undefined;
  const toRule = rows.filter((row) => awaiting(row) || pinned(row)).sort(bySoonestMeeting);
  const ruled = rows
    .filter((row) => !awaiting(row) && !pinned(row))
    .sort((a, b) => (b.ruledAt ?? '').localeCompare(a.ruledAt ?? ''));

  const setForm = (id: string, open: boolean) => {
    setOpenForms((all) => ({ ...all, [id]: open }));
    setStatus(null);
  };

  const ruledNow = (row: SlgItemRow) => {
    setRecorded((all) => ({ ...all, [row.id]: row }));
    setDrafts(({ [row.id]: _done, ...rest }) => rest);
    setOpenForms(({ [row.id]: _closed, ...rest }) => rest);
    const outcome = row.outcome ? `: ${slgRulingOutcomeLabels[row.outcome]}` : '';
    setStatus({ kind: 'success', text: `Ruling on ${row.reference} recorded${outcome}.` });
    items.reload();
    focusRuled.current = true;
  };

  return (
    <section aria-labelledby="slg-heading" id="slg-items" tabIndex={-1} className={styles.section}>
      <Heading level={2} id="slg-heading">
        SLG items
      </Heading>
      <p className={styles.meta}>
        Partial acceptances and declines go to the Strategic Leadership Group for its ruling at its
        next meeting: a decline is never silently dropped.
      </p>
      <div>
        <StatusArea status={status} />
      </div>
      {items.problem && <ProblemText problem={items.problem} onRetry={items.reload} />}
      {items.loading && !items.data && <p>Loading SLG items…</p>}
      {items.data && toRule.length === 0 && <p>Nothing awaits the SLG’s ruling.</p>}
      {toRule.length > 0 && (
        <ul className={styles.list} aria-label="Awaiting the SLG’s ruling">
          {toRule.map((row) => {
            const open = openForms[row.id] === true;
            const formId = `slg-ruling-${row.id}`;
            return (
              <li key={row.id} className={styles.item}>
                <Heading level={3}>
                  {row.reference}: {row.recommendationTitle}
                </Heading>
                <ResponseLines row={row} />
                <p className={styles.meta}>
                  {columns.meetingId.label}: {meetingText(row)}
                </p>
                {!awaiting(row) && (
                  <div role="note">
                    <p className={styles.meta}>A ruling on {row.reference} has been recorded:</p>
                    <RulingLines row={row} />
                  </div>
                )}
                {mayRule && (
                  <Button
                    aria-expanded={open}
                    aria-controls={open ? formId : undefined}
                    onClick={() => setForm(row.id, !open)}
                  >
                    Record the ruling
                    <span className={styles.visuallyHidden}> on {row.reference}</span>
                  </Button>
                )}
                {mayRule && open && (
                  <div id={formId}>
                    <SlgRulingForm
                      item={row}
                      value={drafts[row.id] ?? emptyRuling}
                      onChange={(value) => setDrafts((all) => ({ ...all, [row.id]: value }))}
                      onRuled={ruledNow}
                      onStale={items.reload}
                      onCancel={() => setForm(row.id, false)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {ruled.length > 0 && (
        <div>
          <Button
            ref={ruledToggle}
            aria-expanded={showRuled}
            aria-controls={showRuled ? 'slg-ruled' : undefined}
            onClick={() => setShowRuled(!showRuled)}
          >
            Ruled items ({ruled.length})
          </Button>
          {showRuled && (
            <ul id="slg-ruled" className={styles.list} aria-label="Ruled by the SLG">
              {ruled.map((row) => (
                <li key={row.id} className={styles.item}>
                  <Heading level={3}>
                    {row.reference}: {row.recommendationTitle}
                  </Heading>
                  <ResponseLines row={row} />
                  <RulingLines row={row} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
