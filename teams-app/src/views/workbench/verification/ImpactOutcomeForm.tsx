import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { impactChecks } from '../../../../../src/domain/lists/impact-checks';
import type { TrackerImpactCheck } from '../../../../../src/domain/tracker-view';
import {
  evidenceClasses,
  evidenceClassLabels,
  type EvidenceClass,
} from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { fieldMessage, formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { recordImpactOutcome, type ImpactCheckItem } from './actionsApi';
import type { FlatAction } from './flatten';

export interface OutcomeDraft {
  outcomeClass: EvidenceClass | '';
  outcome: string;
}

export const emptyOutcome: OutcomeDraft = { outcomeClass: '', outcome: '' };

interface ImpactOutcomeFormProps {
  id: string;
  entry: FlatAction;
  check: TrackerImpactCheck;
  value: OutcomeDraft;
  onChange: (value: OutcomeDraft) => void;
  /** The check's etag when the page has it (from scheduling or an earlier save). */
  etag: string | undefined;
  onEtag: (etag: string | undefined) => void;
  onDone: (check: ImpactCheckItem) => void;
  onCancel: () => void;
}

/**
 * Records what an impact check found, with If-Match: the etag from an earlier save on this page,
 * else the one the tracker carried. A conflict asks for a reload rather than guessing.
 */
export function ImpactOutcomeForm(props: ImpactOutcomeFormProps) {
  const { id, entry, check, value, onChange, etag, onEtag, onDone, onCancel } = props;
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = [
      ...(value.outcomeClass ? [] : ['outcomeClass']),
      ...(value.outcome.trim() ? [] : ['outcome']),
    ];
    setMissing(problems);
    if (problems.length > 0 || !value.outcomeClass) {
      setStatus({
        kind: 'error',
        text: 'The impact check is not ready to record yet.',
        details: [
          ...(problems.includes('outcomeClass') ? ['Choose what the check found.'] : []),
          ...(problems.includes('outcome') ? ['Write what the check found.'] : []),
        ],
      });
      return;
    }
    busy.current = true;
    setRefused([]);
    setStatus({ kind: 'info', text: 'Saving…' });
    try {
      const current = etag ?? check.etag;
      const saved = await recordImpactOutcome(
        api,
        { id: check.id, etag: current },
        { status: 'done', outcomeClass: value.outcomeClass, outcome: value.outcome.trim() },
      );
      setStatus(null);
      onDone(saved);
    } catch (error) {
      const problem = formProblem(
        error,
        'Someone changed this impact check since the page loaded. Reload the page to see it, then record the outcome again.',
      );
      if (problem.conflict) onEtag(undefined);
      setRefused(problem.fields);
      setStatus(problem.status);
    } finally {
      busy.current = false;
    }
  };

  const flag = (field: string, text: string) => {
    const message = fieldMessage(refused, field) ?? (missing.includes(field) ? text : undefined);
    return { validationState: message ? 'error' : 'none', validationMessage: message } as const;
  };

  return (
    <form
      id={id}
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`${check.monthsAfter}-month impact check, due ${formatDate(check.dueDate)}: ${entry.action.description}`}
    >
      <Field
        label="What the check found"
        required
        {...flag('outcomeClass', 'Choose what the check found.')}
      >
        <RadioGroup
          value={value.outcomeClass}
          onChange={(_, d) => onChange({ ...value, outcomeClass: d.value as EvidenceClass })}
        >
          {evidenceClasses.map((c) => (
            <Radio key={c} value={c} label={evidenceClassLabels[c]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Outcome"
        required
        hint="What difference the action made, and the evidence. Name no child or family."
        {...flag('outcome', 'Write what the check found.')}
      >
        <Textarea
          value={value.outcome}
          rows={4}
          resize="vertical"
          maxLength={impactChecks.columns.outcome.maxLength}
          onChange={(_, d) => onChange({ ...value, outcome: d.value })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          Record the impact check
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
