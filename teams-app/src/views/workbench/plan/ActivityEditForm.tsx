import { useEffect, useRef, type FormEvent } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { ActivityStatus } from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import type { PlanActivityItem } from '../../../api/types';
import { StatusArea } from '../../../components/StatusArea';
import {
  activityStatusOptions,
  lineOfEnquiryOptions,
  planActivityColumns as columns,
  qualified,
  scrutinyFunctionOptions,
} from '../../../forms/fields';
import { ChoiceCheckboxes } from '../ChoiceCheckboxes';
import { fieldMessage, formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { readNumber } from '../numberField';
import { activityChanges, type ActivityDraft, type ActivityEdit } from './planEdits';

export const ACTIVITY_TITLE_LABEL = `${columns.title.label} title`;

interface ActivityEditFormProps {
  id: string;
  formId: string;
  /** The activity's title as last loaded: names the form. */
  title: string;
  edit: ActivityEdit;
  /** The edit's state lives with the table, so it survives the row moving to another theme. */
  update: (change: (edit: ActivityEdit) => ActivityEdit) => void;
  /** Datalist of the plan's themes. */
  themeListId: string;
  onSaved: (activity: PlanActivityItem) => void;
  /** Someone else saved first: reload, so the next save carries the latest etag. */
  onConflict: () => void;
  onCancel: () => void;
}

/**
 * Changes one activity with If-Match, sending only the fields that changed. On a 412 the form
 * keeps what was typed; the latest version is loaded underneath it.
 */
export function ActivityEditForm({
  id,
  formId,
  title,
  edit,
  update,
  themeListId,
  onSaved,
  onConflict,
  onCancel,
}: ActivityEditFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const themeRef = useRef<HTMLInputElement>(null);
  const { draft, invalid } = edit;

  useEffect(() => themeRef.current?.focus(), []);

  const set =
    <K extends keyof ActivityDraft>(key: K) =>
    (value: ActivityDraft[K]) =>
      update((e) => ({ ...e, draft: { ...e.draft, [key]: value } }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const allocated = readNumber(draft.daysAllocated, columns.daysAllocated);
    const problems: ActivityEdit['invalid'] = {
      theme: draft.theme.trim() ? undefined : 'Name the theme.',
      title: draft.title.trim() ? undefined : 'Name the activity.',
      daysAllocated: allocated.problem,
    };
    const listed = Object.values(problems).filter((p): p is string => p !== undefined);
    if (listed.length > 0 || allocated.value === undefined) {
      update((e) => ({
        ...e,
        invalid: problems,
        status: { kind: 'error', text: 'The changes are not ready yet.', details: listed },
      }));
      return;
    }
    const changes = activityChanges(edit.base, draft, allocated.value);
    if (Object.keys(changes).length === 0) {
      update((e) => ({
        ...e,
        invalid: {},
        status: { kind: 'info', text: 'Nothing to save: no field has changed.' },
      }));
      return;
    }
    busy.current = true;
    update((e) => ({
      ...e,
      invalid: {},
      status: { kind: 'info', text: `Saving ${title}…` },
    }));
    try {
      const saved = await api.patch<PlanActivityItem>(
        `/api/plan-activities/${encodeURIComponent(id)}`,
        changes,
        { ifMatch: edit.etag },
      );
      onSaved(saved);
    } catch (error) {
      const problem = formProblem(
        error,
        `${title} was changed by someone else after you opened it. The latest version has been ` +
          'loaded, with your changes kept over it: save again to apply them, or cancel to keep ' +
          'the latest version.',
      );
      update((e) => ({
        ...e,
        conflict: e.conflict || problem.conflict,
        invalid: {
          theme: fieldMessage(problem.fields, 'theme'),
          title: fieldMessage(problem.fields, 'title'),
        },
        status: problem.status,
      }));
      if (problem.conflict) onConflict();
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      id={formId}
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`Edit ${title}`}
    >
      <Field
        label={columns.theme.label}
        required
        validationState={invalid.theme ? 'error' : 'none'}
        validationMessage={invalid.theme}
      >
        <Input
          ref={themeRef}
          value={draft.theme}
          list={themeListId}
          maxLength={columns.theme.maxLength}
          onChange={(_, d) => set('theme')(d.value)}
        />
      </Field>
      <Field
        label={ACTIVITY_TITLE_LABEL}
        required
        validationState={invalid.title ? 'error' : 'none'}
        validationMessage={invalid.title}
      >
        <Input
          value={draft.title}
          maxLength={columns.title.maxLength}
          onChange={(_, d) => set('title')(d.value)}
        />
      </Field>
      <ChoiceCheckboxes
        legend={columns.functions.label}
        options={scrutinyFunctionOptions}
        selected={draft.functions}
        onChange={set('functions')}
      />
      <ChoiceCheckboxes
        legend={columns.linesOfEnquiry.label}
        options={lineOfEnquiryOptions}
        selected={draft.linesOfEnquiry}
        onChange={set('linesOfEnquiry')}
      />
      <div className={styles.row}>
        <Field
          label={columns.daysAllocated.label}
          required
          validationState={invalid.daysAllocated ? 'error' : 'none'}
          validationMessage={invalid.daysAllocated}
        >
          <Input
            type="number"
            inputMode="decimal"
            step={0.25}
            min={columns.daysAllocated.min}
            max={columns.daysAllocated.max}
            value={draft.daysAllocated}
            onChange={(_, d) => set('daysAllocated')(d.value)}
          />
        </Field>
        <Field label={qualified('Activity', columns.status.label)}>
          <Select
            value={draft.status}
            onChange={(_, d) => set('status')(d.value as ActivityStatus)}
          >
            {activityStatusOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          Save activity
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={edit.status} />
    </form>
  );
}
