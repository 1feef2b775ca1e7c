import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  clockLabels,
  clockText,
  type CaseReviewClock,
  type ClockName,
} from '../../../../../src/domain/case-review-clocks';
import type { Role } from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import type { Me } from '../../../api/types';
import { useResource, type Resource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { hasAnyRole, scrutineerOrBusinessUnit } from '../roles';
import { useTableStyles } from '../tableStyles';
import { getCaseReviews, type CaseReviewRow } from './api';
import { CaseReviewForm } from './CaseReviewForm';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalL },
  meta: { margin: 0 },
  line: { display: 'block' },
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

/** Case reviews are a whole-partnership view: partner people do not see them. */
const wholeView: readonly Role[] = [
  'scrutineer',
  'business-unit',
  'lead-safeguarding-partner',
  'delegated-safeguarding-partner',
  'partnership-chair',
];

const clockNames: ClockName[] = ['notification', 'rapid-review', 'publication'];

/** The clock's state, then its dates, all in words. */
export function clockLines(c: CaseReviewClock | undefined): string[] {
  if (!c) return ['Not known'];
  const dates = [
    ...(c.dueOn ? [`Due ${formatDate(c.dueOn)}`] : []),
    ...(c.doneOn ? [`done ${formatDate(c.doneOn)}`] : []),
  ];
  return [clockText(c), ...(dates.length ? [dates.join('; ')] : [])];
}

/** Case reviews by code, their three statutory clocks, and the scrutineer's assurance note. */
export default function CaseReviewsSection({ me }: { me: Resource<Me> }) {
  const styles = useStyles();
  const table = useTableStyles();
  const api = useApi();
  const allowed = hasAnyRole(me, wholeView);
  const mayWrite = hasAnyRole(me, scrutineerOrBusinessUnit);
  const load = useCallback(
    () => (allowed ? getCaseReviews(api) : Promise.resolve([])),
    [api, allowed],
  );
  const reviews = useResource(load);
  // 'new' for the add form, a review's id for its edit form, null for none.
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // After a save the form is gone: continue from the add button.
  useLayoutEffect(() => {
    if (!returnFocus.current || open !== null) return;
    returnFocus.current = false;
    addButton.current?.focus();
  });

  const saved = (row: CaseReviewRow) => {
    setStatus({ kind: 'success', text: `${row.code} saved.` });
    setOpen(null);
    returnFocus.current = true;
    reviews.reload();
  };

  const rows = reviews.data ?? [];
  const editing = rows.find((r) => r.id === open);
  return (
    <section
      aria-labelledby="case-reviews-heading"
      id="case-reviews"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="case-reviews-heading">
        Case reviews
      </Heading>
      <p className={styles.meta}>
        Codes only. Notification is due 5 working days after awareness, the rapid review 15 working
        days after notification, and a practice review is published within 6 months of the decision.
      </p>
      {!allowed && (
        <p className={styles.meta}>
          Case reviews are shared with the scrutineer, the business unit and the partnership’s
          executives.
        </p>
      )}
      <div>
        <StatusArea status={status} />
      </div>
      {reviews.problem && <ProblemText problem={reviews.problem} onRetry={reviews.reload} />}
      {allowed && reviews.loading && !reviews.data && <p>Loading case reviews…</p>}
      {allowed && reviews.data && rows.length === 0 && <p>No case reviews are recorded.</p>}
      {rows.length > 0 && (
        <div className={table.wrap}>
          <table className={table.table}>
            <caption className={table.caption}>Case reviews and their statutory clocks</caption>
            <thead>
              <tr>
                <th scope="col" className={table.th}>
                  Case code
                </th>
                {clockNames.map((n) => (
                  <th key={n} scope="col" className={table.th}>
                    {clockLabels[n]}
                  </th>
                ))}
                <th scope="col" className={table.th}>
                  Assurance note
                </th>
                {mayWrite && (
                  <th scope="col" className={table.th}>
                    Change
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={table.rowHeader}>
                    {row.code}
                  </th>
                  {clockNames.map((n) => {
                    const c = row.clocks.find((x) => x.name === n);
                    const flagged = c?.state === 'late' || c?.state === 'overdue';
                    return (
                      <td key={n} className={mergeClasses(table.td, flagged && table.flag)}>
                        {clockLines(c).map((line) => (
                          <span key={line} className={styles.line}>
                            {line}
                          </span>
                        ))}
                      </td>
                    );
                  })}
                  <td className={table.td}>{row.assuranceNote ?? 'None yet'}</td>
                  {mayWrite && (
                    <td className={table.td}>
                      <Button
                        aria-expanded={open === row.id}
                        onClick={() => {
                          setStatus(null);
                          setOpen(open === row.id ? null : row.id);
                        }}
                      >
                        Record dates or note
                        <span className={styles.visuallyHidden}> for {row.code}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayWrite && editing && (
        <CaseReviewForm
          key={editing.id}
          review={editing}
          onSaved={saved}
          onStale={reviews.reload}
          onCancel={() => setOpen(null)}
        />
      )}
      {mayWrite && allowed && (
        <div>
          <Button
            ref={addButton}
            aria-expanded={open === 'new'}
            onClick={() => {
              setStatus(null);
              setOpen(open === 'new' ? null : 'new');
            }}
          >
            Add a case review
          </Button>
          {open === 'new' && (
            <CaseReviewForm
              onSaved={saved}
              onStale={reviews.reload}
              onCancel={() => setOpen(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}
