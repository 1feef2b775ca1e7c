import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { disagreementStatusLabels } from '../../../../../src/domain/disagreements';
import { useApi } from '../../../api/ApiContext';
import type { Me, PartnerItem } from '../../../api/types';
import { useResource, type Resource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { hasAnyRole, scrutineerOrBusinessUnit } from '../roles';
import { useTableStyles } from '../tableStyles';
import { getDisagreements, type DisagreementRow } from './api';
import { DisagreementForm } from './DisagreementForm';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalL },
  meta: { margin: 0 },
  text: { whiteSpace: 'pre-wrap' },
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

/** Days to resolution in words; an open one says so. */
export function resolutionText(row: DisagreementRow): string {
  if (row.daysToResolution === undefined) return 'Not resolved';
  return row.daysToResolution === 1 ? '1 day' : `${row.daysToResolution} days`;
}

interface DisagreementsSectionProps {
  me: Resource<Me>;
  partners: readonly PartnerItem[];
}

/** Disagreements between partners, the scrutineer's independent advice, outcome and dates. */
export default function DisagreementsSection({ me, partners }: DisagreementsSectionProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const api = useApi();
  const mayWrite = hasAnyRole(me, scrutineerOrBusinessUnit);
  const load = useCallback(() => getDisagreements(api), [api]);
  const items = useResource(load);
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useLayoutEffect(() => {
    if (!returnFocus.current || open !== null) return;
    returnFocus.current = false;
    addButton.current?.focus();
  });

  const saved = (row: DisagreementRow) => {
    setStatus({ kind: 'success', text: `${row.reference} saved.` });
    setOpen(null);
    returnFocus.current = true;
    items.reload();
  };

  const names = new Map(partners.map((p) => [p.id, p.name]));
  const partiesOf = (row: DisagreementRow) =>
    row.partnerIds.map((id) => names.get(id) ?? 'Unknown partner').join(', ');
  const rows = items.data ?? [];
  const editing = rows.find((r) => r.id === open);
  const th = table.th;
  return (
    <section
      aria-labelledby="disagreements-heading"
      id="disagreements"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="disagreements-heading">
        Disagreements
      </Heading>
      <p className={styles.meta}>
        Disagreements between partners and your independent advice: function 6 of the plan’s
        coverage.
      </p>
      <div>
        <StatusArea status={status} />
      </div>
      {items.problem && <ProblemText problem={items.problem} onRetry={items.reload} />}
      {items.loading && !items.data && <p>Loading disagreements…</p>}
      {items.data && rows.length === 0 && <p>No disagreements are recorded.</p>}
      {rows.length > 0 && (
        <div className={table.wrap}>
          <table className={table.table}>
            <caption className={table.caption}>Disagreements, latest raised first</caption>
            <thead>
              <tr>
                {[
                  'Reference',
                  'Parties',
                  'The matter',
                  'Independent advice',
                  'Outcome',
                  'Status',
                  'Raised',
                  'Resolved',
                  'Days to resolution',
                  ...(mayWrite ? ['Change'] : []),
                ].map((h) => (
                  <th key={h} scope="col" className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={table.rowHeader}>
                    {row.reference}
                  </th>
                  <td className={table.td}>{partiesOf(row)}</td>
                  <td className={mergeClasses(table.td, styles.text)}>{row.matter}</td>
                  <td className={mergeClasses(table.td, styles.text)}>
                    {row.advice
                      ? `${row.advice}${row.adviceOn ? ` (${formatDate(row.adviceOn)})` : ''}`
                      : 'None yet'}
                  </td>
                  <td className={mergeClasses(table.td, styles.text)}>
                    {row.outcome ?? 'None yet'}
                  </td>
                  <td className={table.td}>{disagreementStatusLabels[row.status]}</td>
                  <td className={table.td}>{formatDate(row.raisedOn)}</td>
                  <td className={table.td}>{row.resolvedOn ? formatDate(row.resolvedOn) : '—'}</td>
                  <td className={mergeClasses(table.td, table.number)}>{resolutionText(row)}</td>
                  {mayWrite && (
                    <td className={table.td}>
                      <Button
                        aria-expanded={open === row.id}
                        onClick={() => {
                          setStatus(null);
                          setOpen(open === row.id ? null : row.id);
                        }}
                      >
                        Record advice or outcome
                        <span className={styles.visuallyHidden}> for {row.reference}</span>
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
        <DisagreementForm
          key={editing.id}
          item={editing}
          partners={partners}
          onSaved={saved}
          onStale={items.reload}
          onCancel={() => setOpen(null)}
        />
      )}
      {mayWrite && (
        <div>
          <Button
            ref={addButton}
            aria-expanded={open === 'new'}
            onClick={() => {
              setStatus(null);
              setOpen(open === 'new' ? null : 'new');
            }}
          >
            Add a disagreement
          </Button>
          {open === 'new' && (
            <DisagreementForm
              partners={partners}
              onSaved={saved}
              onStale={items.reload}
              onCancel={() => setOpen(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}
