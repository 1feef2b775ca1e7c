import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { ActionEventKind, ActionStatus } from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import { useResource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { ActForm, emptyAct, type ActDraft } from './ActForm';
import { ActionEntry, outcomeForm, type FormName } from './ActionEntry';
import { getTracker, type ImpactCheckItem } from './actionsApi';
import { EvidencePanel } from './EvidencePanel';
import { flattenTracker, groupByStatus, type FlatAction } from './flatten';
import { emptyOutcome, ImpactOutcomeForm, type OutcomeDraft } from './ImpactOutcomeForm';
import { doneText, statusLabels, statusOrder } from './labels';
import { ScheduleCheckForm } from './ScheduleCheckForm';
import type { WorkLink } from './workLink';
import { useWorkStyles } from './workStyles';

type Filter = ActionStatus | 'all';

const OUTCOME = 'outcome:';
const outcomeCheckId = (form: FormName) =>
  form.startsWith(OUTCOME) ? form.slice(OUTCOME.length) : undefined;

/** What the scrutineer is told after scheduling: whether the check reached the plan. */
export function scheduledText(check: ImpactCheckItem): string {
  const head = `The ${check.monthsAfter}-month impact check, due ${formatDate(check.dueDate)},`;
  if (check.planActivityId) return `${head} landed on the scrutiny plan.`;
  return `${head} is scheduled but is not on a scrutiny plan. ${
    check.note ?? 'There is no plan yet for the reporting year it falls due in.'
  }`;
}

/** The actions behind the Verification heading (its own chunk). */
export default function VerificationBody({ canAct, link }: { canAct: boolean; link: WorkLink }) {
  const styles = useWorkStyles();
  const api = useApi();
  const load = useCallback(() => getTracker(api), [api]);
  const tracker = useResource(load, link.version);
  const all = useMemo(() => (tracker.data ? flattenTracker(tracker.data) : []), [tracker.data]);
  const [filter, setFilter] = useState<Filter>('all');
  // Per action: the open form. Drafts are kept here, so nothing typed is lost to a reload.
  const [openForms, setOpenForms] = useState<Record<string, FormName>>({});
  const [acts, setActs] = useState<Record<string, ActDraft>>({});
  const [outcomes, setOutcomes] = useState<Record<string, OutcomeDraft>>({});
  const [etags, setEtags] = useState<Record<string, string>>({});
  // Actions acted on or asked for stay in view whatever the filter, until it is changed.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<Status | null>(null);
  const focusTarget = useRef<string | null>(null);
  const handled = useRef(0);

  const pin = (id: string) => setPinned((p) => new Set(p).add(id));
  const setForm = (id: string, form: FormName | undefined) => {
    setOpenForms(({ [id]: _old, ...rest }) => (form ? { ...rest, [id]: form } : rest));
    setStatus(null);
  };

  // A task's button: open its form here, and take the keyboard there.
  useEffect(() => {
    const request = link.request;
    if (!request || request.seq === handled.current || !tracker.data) return;
    handled.current = request.seq;
    const entry = all.find((a) => a.action.id === request.actionId);
    if (!entry) {
      setStatus({
        kind: 'error',
        text: 'That action is not in the tracker as this page last read it. Try again in a moment.',
      });
      tracker.reload();
      return;
    }
    const form = request.form === 'verify' ? 'verified' : outcomeForm(request.impactCheckId);
    setOpenForms((f) => ({ ...f, [request.actionId]: form }));
    pin(request.actionId);
    focusTarget.current = `action-form-${request.actionId}`;
  }, [link.request, tracker, all]);

  useLayoutEffect(() => {
    const id = focusTarget.current;
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) return;
    focusTarget.current = null;
    const field =
      target.tagName === 'FORM' ? target.querySelector<HTMLElement>('textarea, input') : null;
    (field ?? target).focus();
    target.scrollIntoView?.({ block: 'nearest' });
  });

  const finished = (entry: FlatAction, text: string) => {
    const id = entry.action.id;
    setOpenForms(({ [id]: _done, ...rest }) => rest);
    pin(id);
    setStatus({ kind: 'success', text });
    focusTarget.current = `action-${id}`;
    link.changed();
  };

  const acted = (entry: FlatAction, kind: ActionEventKind) => {
    setActs(({ [`${entry.action.id}:${kind}`]: _sent, ...rest }) => rest);
    finished(
      entry,
      `${entry.reference}, ${entry.partnerName}: ${entry.action.description}: ${doneText[kind]}.`,
    );
  };

  const formFor = (entry: FlatAction) => {
    const id = entry.action.id;
    const name = openForms[id];
    if (!name) return null;
    const formId = `action-form-${id}`;
    const close = () => setForm(id, undefined);
    if (name === 'schedule')
      return (
        <ScheduleCheckForm
          id={formId}
          entry={entry}
          onCancel={close}
          onDone={(check) => {
            setEtags((e) => ({ ...e, [check.id]: check.etag }));
            finished(entry, scheduledText(check));
          }}
        />
      );
    const checkId = outcomeCheckId(name);
    if (checkId !== undefined) {
      const check = entry.action.impactChecks.find((c) => c.id === checkId);
      if (!check) return null;
      return (
        <ImpactOutcomeForm
          id={formId}
          entry={entry}
          check={check}
          value={outcomes[checkId] ?? emptyOutcome}
          onChange={(value) => setOutcomes((o) => ({ ...o, [checkId]: value }))}
          etag={etags[checkId]}
          onEtag={(etag) =>
            setEtags(({ [checkId]: _stale, ...rest }) =>
              etag ? { ...rest, [checkId]: etag } : rest,
            )
          }
          onCancel={close}
          onDone={(saved) => {
            setEtags((e) => ({ ...e, [checkId]: saved.etag }));
            setOutcomes(({ [checkId]: _saved, ...rest }) => rest);
            finished(entry, `The ${check.monthsAfter}-month impact check is recorded.`);
          }}
        />
      );
    }
    const kind = name as ActionEventKind;
    const key = `${id}:${kind}`;
    return (
      <ActForm
        id={formId}
        entry={entry}
        kind={kind}
        value={acts[key] ?? emptyAct}
        onChange={(value) => setActs((a) => ({ ...a, [key]: value }))}
        onDone={() => acted(entry, kind)}
        onStale={tracker.reload}
        onCancel={close}
      >
        {kind === 'verified' && <EvidencePanel actionId={id} />}
      </ActForm>
    );
  };

  const visible = all.filter(
    (a) => filter === 'all' || a.action.status === filter || pinned.has(a.action.id),
  );
  const groups = groupByStatus(visible);
  const count = (s: ActionStatus) => all.filter((a) => a.action.status === s).length;

  return (
    <div className={styles.body}>
      <StatusArea status={status} />
      {tracker.problem && <ProblemText problem={tracker.problem} onRetry={tracker.reload} />}
      {tracker.loading && !tracker.data && <p>Loading actions…</p>}
      {tracker.data && all.length === 0 && <p className={styles.line}>No actions yet.</p>}
      {all.length > 0 && (
        <Field label="Show actions">
          <Select
            value={filter}
            onChange={(_, d) => {
              setFilter(d.value as Filter);
              setPinned(new Set(Object.keys(openForms)));
            }}
          >
            <option value="all">All ({all.length})</option>
            {statusOrder.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]} ({count(s)})
              </option>
            ))}
          </Select>
        </Field>
      )}
      {tracker.data && all.length > 0 && groups.length === 0 && (
        <p className={styles.line}>No actions with this status.</p>
      )}
      {groups.map(([s, list]) => (
        <div key={s} className={styles.body}>
          <Heading level={3}>
            {statusLabels[s]} ({list.length})
          </Heading>
          <ul className={styles.list} aria-label={statusLabels[s]}>
            {list.map((entry) => (
              <ActionEntry
                key={entry.action.id}
                entry={entry}
                canAct={canAct}
                open={openForms[entry.action.id]}
                onOpen={(form) => setForm(entry.action.id, form)}
                form={formFor(entry)}
              />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
