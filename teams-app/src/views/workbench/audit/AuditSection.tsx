import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import { describeProblem, type Problem } from '../../../api/errors';
import { getPeople } from '../../../api/reminders';
import { useResource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { useTableStyles } from '../tableStyles';
import { getAuditPage, verifyAudit, type AuditFilters, type AuditRow } from './api';
import { auditedLists, channelLabels, englandDateTime, listLabel } from './words';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalL },
  meta: { margin: 0 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  summary: { margin: 0, whiteSpace: 'pre-line' },
});

const ITEM_ID_MAX = 100;

/**
 * The audit trail for the scrutineer and the business unit: every change, newest first, with who
 * made it, when (England time), through which channel and which fields; and the verifier's check
 * of the hash chain on request.
 */
export default function AuditSection() {
  const styles = useStyles();
  const table = useTableStyles();
  const api = useApi();
  const loadPeople = useCallback(() => getPeople(api), [api]);
  const people = useResource(loadPeople);
  // What the form shows, and what was last applied (the table's query).
  const [draft, setDraft] = useState<AuditFilters>({});
  const [applied, setApplied] = useState<AuditFilters>({});
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [nextBefore, setNextBefore] = useState<number | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [loading, setLoading] = useState(true);
  const [check, setCheck] = useState<Status | null>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(
    async (filters: AuditFilters, before?: number) => {
      setLoading(true);
      try {
        const page = await getAuditPage(api, filters, before);
        setRows((old) => (before === undefined ? page.entries : [...old, ...page.entries]));
        setNextBefore(page.nextBefore);
        setProblem(undefined);
      } catch (error) {
        setProblem(describeProblem(error));
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(applied);
  }, [load, applied]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const itemId = draft.itemId?.trim();
    setApplied({
      ...(draft.list ? { list: draft.list } : {}),
      ...(itemId ? { itemId } : {}),
      ...(draft.actorId ? { actorId: draft.actorId } : {}),
    });
  };

  const runCheck = async () => {
    setChecking(true);
    setCheck({ kind: 'info', text: 'Checking the chain…' });
    try {
      const result = await verifyAudit(api);
      setCheck(
        result.ok
          ? { kind: 'success', text: result.summary }
          : {
              kind: 'error',
              text: 'The audit trail is not intact.',
              details: result.summary.split('\n'),
            },
      );
    } catch (error) {
      const p = describeProblem(error);
      setCheck({ kind: 'error', text: p.text, ...(p.details ? { details: p.details } : {}) });
    } finally {
      setChecking(false);
    }
  };

  const personList = [...(people.data ?? [])].sort((a, b) =>
    a.displayName.localeCompare(b.displayName),
  );

  return (
    <section aria-labelledby="audit-heading" id="audit" tabIndex={-1} className={styles.section}>
      <Heading level={2} id="audit-heading">
        Audit trail
      </Heading>
      <p className={styles.meta}>
        Every change to the partnership’s records, newest first: who made it, when, through which
        channel and which fields. Values are never copied here. Each entry is chained to the one
        before by its hash, so a change made outside the app shows when the chain is checked.
      </p>
      <form className={styles.filters} onSubmit={apply} aria-label="Filter the audit trail">
        <Field label="List">
          <Dropdown
            value={draft.list ? listLabel(draft.list) : 'All lists'}
            selectedOptions={[draft.list ?? '']}
            onOptionSelect={(_, d) => setDraft((f) => ({ ...f, list: d.optionValue || undefined }))}
          >
            <Option value="">All lists</Option>
            {auditedLists.map((l) => (
              <Option key={l.key} value={l.key}>
                {l.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Item id">
          <Input
            value={draft.itemId ?? ''}
            maxLength={ITEM_ID_MAX}
            onChange={(_, d) => setDraft((f) => ({ ...f, itemId: d.value }))}
          />
        </Field>
        <Field label="Changed by">
          <Dropdown
            value={personList.find((p) => p.id === draft.actorId)?.displayName ?? 'Anyone'}
            selectedOptions={[draft.actorId ?? '']}
            onOptionSelect={(_, d) =>
              setDraft((f) => ({ ...f, actorId: d.optionValue || undefined }))
            }
          >
            <Option value="">Anyone</Option>
            {personList.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.displayName}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button type="submit">Show changes</Button>
      </form>
      <div>
        <Button onClick={() => void runCheck()} disabled={checking}>
          Check the chain
        </Button>
        <StatusArea status={check} />
      </div>
      {problem && <ProblemText problem={problem} onRetry={() => void load(applied)} />}
      {loading && rows.length === 0 && <p>Loading the audit trail…</p>}
      {!loading && !problem && rows.length === 0 && <p>No changes match.</p>}
      {rows.length > 0 && (
        <div className={table.wrap}>
          <table className={table.table}>
            <caption className={table.caption}>Changes, newest first (times in England)</caption>
            <thead>
              <tr>
                {['No.', 'When', 'Who', 'Channel', 'List', 'Item', 'Change', 'Fields changed'].map(
                  (h) => (
                    <th key={h} scope="col" className={table.th}>
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seq}>
                  <th scope="row" className={table.rowHeader}>
                    {r.seq}
                  </th>
                  <td className={table.td}>
                    <time dateTime={r.at}>{englandDateTime(r.at)}</time>
                  </td>
                  <td className={table.td}>{r.actorName ?? r.actorId}</td>
                  <td className={table.td}>{channelLabels[r.channel] ?? r.channel}</td>
                  <td className={table.td}>{listLabel(r.itemList)}</td>
                  <td className={`${table.td} ${styles.mono}`}>{r.itemId}</td>
                  <td className={table.td}>
                    {r.op === 'create' ? 'Created' : `Changed (version ${r.itemVersion})`}
                  </td>
                  <td className={table.td}>{r.changedFields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore !== undefined && (
        <div>
          <Button disabled={loading} onClick={() => void load(applied, nextBefore)}>
            Show older changes
          </Button>
        </div>
      )}
    </section>
  );
}
