import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import {
  slgItems,
  slgRulingOutcomeLabels,
  slgRulingOutcomes,
  type SlgRulingOutcome,
} from '../../../../../src/domain/lists/slg-items';
import { useApi } from '../../../api/ApiContext';
import { recordSlgRuling, type SlgItemRow } from '../../../api/slgItems';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { options } from '../../../forms/options';
import { fieldMessage, formProblem, isApiError } from '../formProblem';
import { useFormStyles } from '../formStyles';

// Labels, choices and length from the list's schema, so the form cannot drift from the API.
const columns = slgItems.columns;
export const outcomeOptions = options(slgRulingOutcomes, slgRulingOutcomeLabels);
export const NOTE_LABEL = `${columns.rulingNote.label} note`;
export const OUTCOME_LABEL = columns.outcome.label;

export interface RulingDraft {
  outcome: SlgRulingOutcome | '';
  note: string;
}

export const emptyRuling: RulingDraft = { outcome: '', note: '' };

/** What stops a ruling being recorded, in words, by field. */
function problemsOf(draft: RulingDraft): { field: 'outcome' | 'note'; text: string }[] {
  return [
    ...(draft.outcome ? [] : [{ field: 'outcome' as const, text: 'Choose the outcome.' }]),
    ...(draft.note.trim() ? [] : [{ field: 'note' as const, text: 'Write a note of the ruling.' }]),
  ];
}

interface SlgRulingFormProps {
  item: SlgItemRow;
  /** Kept by the section, so neither a failure, a reload nor closing the form loses it. */
  value: RulingDraft;
  onChange: (value: RulingDraft) => void;
  onRuled: (row: SlgItemRow) => void;
  /** The item changed or was ruled meanwhile: read the list again (the text stays). */
  onStale: () => void;
  onCancel: () => void;
}

/**
 * Records the Strategic Leadership Group's ruling on one item, with its etag. On any failure the
 * outcome and the note stay as typed and the server's reason is shown.
 */
export function SlgRulingForm({
  item,
  value,
  onChange,
  onRuled,
  onStale,
  onCancel,
}: SlgRulingFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const { reference } = item;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = problemsOf(value);
    setMissing(problems.map((p) => p.field));
    if (problems.length > 0 || !value.outcome) {
      setStatus({
        kind: 'error',
        text: `The ruling on ${reference} is not ready yet.`,
        details: problems.map((p) => p.text),
      });
      return;
    }
    busy.current = true;
    setSaving(true);
    setRefused([]);
    setStatus({ kind: 'info', text: `Recording the ruling on ${reference}…` });
    try {
      onRuled(
        await recordSlgRuling(api, item, { outcome: value.outcome, note: value.note.trim() }),
      );
    } catch (error) {
      const problem = formProblem(
        error,
        `${reference} changed after you opened it, perhaps because a ruling was recorded. The ` +
          'latest version has been loaded; if it still awaits a ruling, record yours again.',
      );
      setRefused(problem.fields);
      setStatus(problem.status);
      if (problem.conflict || isApiError(error, 409)) onStale();
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const flag = (field: 'outcome' | 'note', schemaName: string, message: string) => {
    const text =
      fieldMessage(refused, schemaName) ?? (missing.includes(field) ? message : undefined);
    return { validationState: text ? 'error' : 'none', validationMessage: text } as const;
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`Ruling on ${reference}`}
    >
      <Field label={OUTCOME_LABEL} required {...flag('outcome', 'outcome', 'Choose the outcome.')}>
        <RadioGroup
          value={value.outcome}
          onChange={(_, d) => onChange({ ...value, outcome: d.value as SlgRulingOutcome })}
        >
          {outcomeOptions.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={NOTE_LABEL}
        required
        hint="What the group decided and why. Name no child or family."
        {...flag('note', 'rulingNote', 'Write a note of the ruling.')}
      >
        <Textarea
          value={value.note}
          maxLength={columns.rulingNote.maxLength}
          rows={4}
          resize="vertical"
          onChange={(_, d) => onChange({ ...value, note: d.value })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save ruling
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
