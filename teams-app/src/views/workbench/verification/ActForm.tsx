import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Textarea } from '@fluentui/react-components';
import { actionEvents } from '../../../../../src/domain/lists/action-events';
import type { ActionEventKind } from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import { newSubmitKey } from '../../../api/submitKey';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { fieldMessage, formProblem, isApiError } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { recordActionEvent } from './actionsApi';
import type { FlatAction } from './flatten';
import { actLabels, noteHint, noteLabel } from './labels';

export interface ActDraft {
  note: string;
  /** The submission's eventKey: made on the first attempt, sent again on every retry. */
  key?: string;
}

export const emptyAct: ActDraft = { note: '' };

interface ActFormProps {
  id: string;
  entry: FlatAction;
  kind: ActionEventKind;
  /** Kept by the section, so a failure, a reload or closing the form loses nothing typed. */
  value: ActDraft;
  onChange: (value: ActDraft) => void;
  onDone: () => void;
  /** The action is not as shown (409): read the tracker again; the text stays. */
  onStale: () => void;
  onCancel: () => void;
  /** More controls inside the form (the evidence files, for Verify). */
  children?: ReactNode;
}

/** Verify, reopen, pause or resume one action, with the evidence seen or the reason. */
export function ActForm(props: ActFormProps) {
  const { id, entry, kind, value, onChange, onDone, onStale, onCancel, children } = props;
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const label = noteLabel(kind);
  const what = `${actLabels[kind]}: ${entry.action.description}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const note = value.note.trim();
    if (!note) {
      setMissing(true);
      setStatus({
        kind: 'error',
        text: kind === 'verified' ? 'Write the evidence you saw.' : 'Write the reason.',
      });
      return;
    }
    setMissing(false);
    // The key is stored with the draft before sending, so a retry (even after closing and
    // reopening the form) sends the same one.
    const eventKey = value.key ?? newSubmitKey();
    if (!value.key) onChange({ ...value, key: eventKey });
    busy.current = true;
    setSaving(true);
    setRefused([]);
    setStatus({ kind: 'info', text: 'Saving…' });
    try {
      await recordActionEvent(api, entry.action.id, { kind, note, eventKey });
      setStatus(null);
      onDone();
    } catch (error) {
      const problem = formProblem(error);
      setRefused(problem.fields);
      setStatus(problem.status);
      if (isApiError(error, 409)) onStale();
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const message = fieldMessage(refused, 'note') ?? (missing ? `${label} is required.` : undefined);

  return (
    <form
      id={id}
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={what}
    >
      <Field
        label={label}
        required
        hint={noteHint[kind]}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <Textarea
          value={value.note}
          rows={4}
          resize="vertical"
          maxLength={actionEvents.columns.note.maxLength}
          onChange={(_, d) => onChange({ ...value, note: d.value })}
        />
      </Field>
      {children}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {actLabels[kind]}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
