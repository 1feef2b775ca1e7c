import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import type {
  ActivityStatus,
  LineOfEnquiry,
  ScrutinyFunction,
} from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import type { PlanActivityItem } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { StatusArea, type Status } from '../../../components/StatusArea';
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

interface AddActivityFormProps {
  planId: string;
  themes: readonly string[];
  onAdded: (activity: PlanActivityItem) => void;
}

const TITLE_LABEL = `${columns.title.label} title`;

export function AddActivityForm({ planId, themes, onAdded }: AddActivityFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [theme, setTheme] = useState('');
  const [title, setTitle] = useState('');
  const [functions, setFunctions] = useState<ScrutinyFunction[]>([]);
  const [lines, setLines] = useState<LineOfEnquiry[]>([]);
  const [days, setDays] = useState('');
  const [activityStatus, setActivityStatus] = useState<ActivityStatus>('planned');
  const [invalid, setInvalid] = useState<Record<string, string | undefined>>({});
  const [status, setStatus] = useState<Status | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const allocated = readNumber(days, columns.daysAllocated);
    const problems = {
      theme: theme.trim() ? undefined : 'Name the theme.',
      title: title.trim() ? undefined : 'Name the activity.',
      daysAllocated: allocated.problem,
    };
    setInvalid(problems);
    const listed = Object.values(problems).filter((p): p is string => p !== undefined);
    if (listed.length > 0 || allocated.value === undefined) {
      setStatus({ kind: 'error', text: 'The activity is not ready yet.', details: listed });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'info', text: 'Adding the activity…' });
    try {
      const activity = await api.post<PlanActivityItem>('/api/plan-activities', {
        planId,
        theme: theme.trim(),
        title: title.trim(),
        functions,
        linesOfEnquiry: lines,
        daysAllocated: allocated.value,
        status: activityStatus,
      });
      setTitle('');
      setFunctions([]);
      setLines([]);
      setDays('');
      setActivityStatus('planned');
      setStatus({ kind: 'success', text: `Activity added: ${activity.title}.` });
      onAdded(activity);
    } catch (error) {
      const problem = formProblem(error);
      setInvalid((v) => ({
        ...v,
        theme: fieldMessage(problem.fields, 'theme'),
        title: fieldMessage(problem.fields, 'title'),
      }));
      setStatus(problem.status);
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void add(e)}
      noValidate
      aria-labelledby="add-activity-heading"
    >
      <Heading level={3} id="add-activity-heading">
        Add an activity
      </Heading>
      <Field
        label={columns.theme.label}
        required
        hint={
          themes.length > 0 ? 'Use an existing theme to group the activity with it.' : undefined
        }
        validationState={invalid.theme ? 'error' : 'none'}
        validationMessage={invalid.theme}
      >
        <Input
          value={theme}
          list="plan-theme-options"
          maxLength={columns.theme.maxLength}
          onChange={(_, d) => setTheme(d.value)}
        />
      </Field>
      <datalist id="plan-theme-options">
        {themes.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <Field
        label={TITLE_LABEL}
        required
        validationState={invalid.title ? 'error' : 'none'}
        validationMessage={invalid.title}
      >
        <Input
          value={title}
          maxLength={columns.title.maxLength}
          onChange={(_, d) => setTitle(d.value)}
        />
      </Field>
      <ChoiceCheckboxes
        legend={columns.functions.label}
        options={scrutinyFunctionOptions}
        selected={functions}
        onChange={setFunctions}
      />
      <ChoiceCheckboxes
        legend={columns.linesOfEnquiry.label}
        options={lineOfEnquiryOptions}
        selected={lines}
        onChange={setLines}
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
            value={days}
            onChange={(_, d) => setDays(d.value)}
          />
        </Field>
        <Field label={qualified('Activity', columns.status.label)}>
          <Select
            value={activityStatus}
            onChange={(_, d) => setActivityStatus(d.value as ActivityStatus)}
          >
            {activityStatusOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" appearance="primary">
          Add activity
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
