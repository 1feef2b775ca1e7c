import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { PlanItem } from '../../../api/types';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { planColumns as columns } from '../../../forms/fields';
import { formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { readNumber } from '../numberField';
import {
  budgetChanges,
  budgetDraftOf,
  rebaseEdit,
  reopenEdit,
  type BudgetDraft,
  type BudgetEdit,
} from './planEdits';
import { formatDays, formatMoney } from './planFormat';

export const CHANGE_DAY_BUDGET = 'Change day budget';

interface DayBudgetEditorProps {
  plan: PlanItem;
  /** Saved, or found changed elsewhere: reload the plan. */
  onChanged: () => void;
}

/** The days contracted and the day rate, changed with If-Match; only what changed is sent. */
export function DayBudgetEditor({ plan, onChanged }: DayBudgetEditorProps) {
  const styles = useFormStyles();
  const api = useApi();
  const formId = useId();
  const busy = useRef(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [edit, setEdit] = useState<BudgetEdit | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  // After a 412 the latest plan loads: untouched fields take its figures, typed ones stay.
  useEffect(() => {
    setEdit((e) => (e ? rebaseEdit(e, plan.etag, budgetDraftOf(plan)) : e));
  }, [plan]);

  useEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);

  const toggle = () => {
    setStatus(null);
    if (open) {
      // Closing keeps what was typed; Cancel discards it.
      setOpen(false);
      return;
    }
    setEdit((e) => reopenEdit(e, plan.etag, budgetDraftOf(plan)));
    setOpen(true);
  };

  const cancel = () => {
    setOpen(false);
    setEdit(null);
    setStatus(null);
    toggleRef.current?.focus();
  };

  const set = (key: keyof BudgetDraft) => (_: unknown, data: { value: string }) =>
    setEdit((e) => (e ? { ...e, draft: { ...e.draft, [key]: data.value } } : e));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current || !edit) return;
    const read = {
      daysContracted: readNumber(edit.draft.daysContracted, columns.daysContracted),
      dayRate: readNumber(edit.draft.dayRate, columns.dayRate),
    };
    const invalid = { daysContracted: read.daysContracted.problem, dayRate: read.dayRate.problem };
    if (read.daysContracted.value === undefined || read.dayRate.value === undefined) {
      setEdit({ ...edit, invalid });
      setStatus({
        kind: 'error',
        text: 'The day budget is not ready yet.',
        details: Object.values(invalid).filter((p): p is string => p !== undefined),
      });
      return;
    }
    const changes = budgetChanges(edit.base, {
      daysContracted: read.daysContracted.value,
      dayRate: read.dayRate.value,
    });
    setEdit({ ...edit, invalid: {} });
    if (Object.keys(changes).length === 0) {
      setStatus({ kind: 'info', text: 'Nothing to save: the day budget has not changed.' });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'info', text: 'Saving the day budget…' });
    try {
      const saved = await api.patch<PlanItem>(
        `/api/plans/${encodeURIComponent(plan.id)}`,
        changes,
        { ifMatch: edit.etag },
      );
      setOpen(false);
      setEdit(null);
      toggleRef.current?.focus();
      setStatus({
        kind: 'success',
        text: `Day budget saved: ${formatDays(saved.daysContracted)} at ${formatMoney(saved.dayRate)} a day.`,
      });
      onChanged();
    } catch (error) {
      const problem = formProblem(
        error,
        'The plan was changed by someone else after you opened this form. The latest figures ' +
          'have been loaded, with your changes kept over them: save again to apply them, or ' +
          'cancel to keep the latest figures.',
      );
      setEdit((e) => (e ? { ...e, conflict: e.conflict || problem.conflict } : e));
      setStatus(problem.status);
      if (problem.conflict) onChanged();
    } finally {
      busy.current = false;
    }
  };

  const field = (key: keyof BudgetDraft, hint?: string) =>
    edit && (
      <Field
        label={columns[key].label}
        required
        hint={hint}
        validationState={edit.invalid[key] ? 'error' : 'none'}
        validationMessage={edit.invalid[key]}
      >
        <Input
          ref={key === 'daysContracted' ? firstRef : undefined}
          type="number"
          inputMode="decimal"
          min={columns[key].min}
          max={columns[key].max}
          value={edit.draft[key]}
          onChange={set(key)}
        />
      </Field>
    );

  return (
    <div>
      <Button
        ref={toggleRef}
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={toggle}
      >
        {CHANGE_DAY_BUDGET}
      </Button>
      {open && edit && (
        <form
          id={formId}
          className={styles.form}
          onSubmit={(e) => void save(e)}
          noValidate
          aria-label={CHANGE_DAY_BUDGET}
        >
          <div className={styles.row}>
            {field('daysContracted')}
            {field('dayRate', 'The budget, spent and committed figures follow the rate.')}
          </div>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary">
              Save day budget
            </Button>
            <Button type="button" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <StatusArea status={status} />
    </div>
  );
}
