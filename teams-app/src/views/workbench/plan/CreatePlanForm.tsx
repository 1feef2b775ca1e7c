import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { PlanItem } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { planColumns as columns } from '../../../forms/fields';
import { formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { readNumber } from '../numberField';
import { reportingYearOf } from './planFormat';

type Key = 'reportingYear' | 'daysContracted' | 'dayRate';

/** Shown when the reporting year has no plan yet. */
export function CreatePlanForm({ onCreated }: { onCreated: (plan: PlanItem) => void }) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    reportingYear: String(reportingYearOf()),
    daysContracted: '',
    dayRate: '',
  }));
  const [invalid, setInvalid] = useState<Partial<Record<Key, string>>>({});
  const [status, setStatus] = useState<Status | null>(null);

  const set = (key: Key) => (_: unknown, data: { value: string }) =>
    setValues((v) => ({ ...v, [key]: data.value }));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const read = {
      reportingYear: readNumber(values.reportingYear, columns.reportingYear),
      daysContracted: readNumber(values.daysContracted, columns.daysContracted),
      dayRate: readNumber(values.dayRate, columns.dayRate),
    };
    const problems = Object.fromEntries(
      Object.entries(read).flatMap(([k, r]) => (r.problem ? [[k, r.problem]] : [])),
    ) as Partial<Record<Key, string>>;
    setInvalid(problems);
    if (
      read.reportingYear.value === undefined ||
      read.daysContracted.value === undefined ||
      read.dayRate.value === undefined
    ) {
      setStatus({
        kind: 'error',
        text: 'The plan is not ready yet.',
        details: Object.values(problems),
      });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'info', text: 'Creating the plan…' });
    try {
      const plan = await api.post<PlanItem>('/api/plans', {
        reportingYear: read.reportingYear.value,
        daysContracted: read.daysContracted.value,
        dayRate: read.dayRate.value,
      });
      setStatus(null);
      onCreated(plan);
    } catch (error) {
      setStatus(formProblem(error).status);
    } finally {
      busy.current = false;
    }
  };

  const field = (key: Key, hint?: string) => (
    <Field
      label={columns[key].label}
      required
      hint={hint}
      validationState={invalid[key] ? 'error' : 'none'}
      validationMessage={invalid[key]}
    >
      <Input
        type="number"
        inputMode="decimal"
        min={columns[key].min}
        max={columns[key].max}
        value={values[key]}
        onChange={set(key)}
      />
    </Field>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void create(e)}
      noValidate
      aria-labelledby="create-plan-heading"
    >
      <Heading level={3} id="create-plan-heading">
        Create the scrutiny plan
      </Heading>
      <p className={styles.hint}>
        There is no scrutiny plan for this reporting year yet. Reporting years run from 1 April to
        31 March.
      </p>
      {field('reportingYear', 'The year in which the reporting year starts, e.g. 2026.')}
      {field('daysContracted')}
      {field('dayRate')}
      <div>
        <Button type="submit" appearance="primary">
          Create plan
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
