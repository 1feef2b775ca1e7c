import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { impactCheckMonths } from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { scheduleImpactCheck, type ImpactCheckItem } from './actionsApi';
import type { FlatAction } from './flatten';

interface ScheduleCheckFormProps {
  id: string;
  entry: FlatAction;
  onDone: (check: ImpactCheckItem) => void;
  onCancel: () => void;
}

/** Schedules an impact check 3, 6 or 12 months after verification (the server keeps one each). */
export function ScheduleCheckForm({ id, entry, onDone, onCancel }: ScheduleCheckFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [months, setMonths] = useState('');
  const [missing, setMissing] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    if (!months) {
      setMissing(true);
      setStatus({ kind: 'error', text: 'Choose when the impact check falls due.' });
      return;
    }
    setMissing(false);
    busy.current = true;
    setStatus({ kind: 'info', text: 'Scheduling…' });
    try {
      const check = await scheduleImpactCheck(api, entry.action.id, Number(months));
      setStatus(null);
      onDone(check);
    } catch (error) {
      setStatus(formProblem(error, undefined, 'Nothing was scheduled.').status);
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      id={id}
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`Schedule an impact check: ${entry.action.description}`}
    >
      <Field
        label="Check the impact"
        required
        hint="Counted from the date the action was verified. The check is added to that year's scrutiny plan."
        validationState={missing ? 'error' : 'none'}
        validationMessage={missing ? 'Choose when the impact check falls due.' : undefined}
      >
        <RadioGroup value={months} onChange={(_, d) => setMonths(d.value)}>
          {impactCheckMonths.map((m) => (
            <Radio key={m} value={String(m)} label={`${m} months after verification`} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          Schedule impact check
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
