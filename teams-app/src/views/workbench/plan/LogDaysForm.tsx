import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { DayLogItem, PlanSummaryActivity } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate, isoDateFromToday } from '../../../format/dates';
import { dayLogColumns as columns } from '../../../forms/fields';
import { fieldMessage, formProblem, KEPT } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { readNumber } from '../numberField';
import { groupByTheme } from './ActivitiesByTheme';
import { formatDays } from './planFormat';

const RESEND = `${KEPT} Sending it again will not count the days twice.`;

interface LogDaysFormProps {
  activities: readonly PlanSummaryActivity[];
  onLogged: (log: DayLogItem) => void;
}

/**
 * One entry per submission. The idempotency key is made on the first attempt and kept until the
 * server confirms, so a double click or a retry after a lost answer never counts the days twice.
 */
export function LogDaysForm({ activities, onLogged }: LogDaysFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const keyRef = useRef<string | null>(null);
  const busy = useRef(false);
  const [activityId, setActivityId] = useState('');
  const [date, setDate] = useState(() => isoDateFromToday(0));
  const [days, setDays] = useState('1');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string | undefined>>({});
  const [status, setStatus] = useState<Status | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const amount = readNumber(days, columns.days);
    const problems = {
      activityId: activityId ? undefined : 'Choose the activity.',
      date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : 'Give the date you worked.',
      days: amount.problem,
    };
    setInvalid(problems);
    const listed = Object.values(problems).filter((p): p is string => p !== undefined);
    if (listed.length > 0 || amount.value === undefined) {
      setStatus({ kind: 'error', text: 'The entry is not ready yet.', details: listed });
      return;
    }
    busy.current = true;
    keyRef.current ??= crypto.randomUUID();
    setStatus({ kind: 'info', text: 'Logging days…' });
    try {
      const log = await api.post<DayLogItem>('/api/day-logs', {
        activityId,
        date,
        days: amount.value,
        ...(note.trim() ? { note: note.trim() } : {}),
        idempotencyKey: keyRef.current,
      });
      keyRef.current = null;
      const title = activities.find((a) => a.id === log.activityId)?.title ?? 'the activity';
      setNote('');
      setStatus({
        kind: 'success',
        text: `Logged ${formatDays(log.days)} on ${formatDate(log.date)} against ${title}.`,
      });
      onLogged(log);
    } catch (error) {
      const problem = formProblem(error, undefined, RESEND);
      setInvalid((v) => ({ ...v, note: fieldMessage(problem.fields, 'note') }));
      setStatus(problem.status);
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="log-days-heading"
    >
      <Heading level={3} id="log-days-heading">
        Log days
      </Heading>
      <Field
        label={columns.activityId.label}
        required
        validationState={invalid.activityId ? 'error' : 'none'}
        validationMessage={invalid.activityId}
      >
        <Select value={activityId} onChange={(_, d) => setActivityId(d.value)}>
          <option value="">Choose an activity</option>
          {groupByTheme(activities).map(({ theme, items }) => (
            <optgroup key={theme} label={theme}>
              {items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field
          label={columns.date.label}
          required
          validationState={invalid.date ? 'error' : 'none'}
          validationMessage={invalid.date}
        >
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field
          label={columns.days.label}
          required
          hint={`From ${columns.days.min} to ${columns.days.max}, in quarter days.`}
          validationState={invalid.days ? 'error' : 'none'}
          validationMessage={invalid.days}
        >
          <Input
            type="number"
            inputMode="decimal"
            step={0.25}
            min={columns.days.min}
            max={columns.days.max}
            value={days}
            onChange={(_, d) => setDays(d.value)}
          />
        </Field>
      </div>
      <Field
        label={columns.note.label}
        validationState={invalid.note ? 'error' : 'none'}
        validationMessage={invalid.note}
      >
        <Input
          value={note}
          maxLength={columns.note.maxLength}
          onChange={(_, d) => setNote(d.value)}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary">
          Log days
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
