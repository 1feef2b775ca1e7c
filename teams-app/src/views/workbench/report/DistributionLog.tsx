import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { distributions as distributionList } from '../../../../../src/domain/lists/distributions';
import {
  distributionRecipientLabels,
  distributionRecipients,
  type DistributionRecipient,
} from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import { useSubmitKey } from '../../../api/submitKey';
import { Heading } from '../../../components/Heading';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate, isoDateFromToday } from '../../../format/dates';
import { fieldMessage, formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { useWorkStyles } from '../verification/workStyles';
import { recordDistribution, type DistributionItem } from './reportApi';

const columns = distributionList.columns;

interface Draft {
  recipient: DistributionRecipient | '';
  recipientName: string;
  sentOn: string;
  note: string;
}

const fresh = (): Draft => ({
  recipient: '',
  recipientName: '',
  sentOn: isoDateFromToday(0),
  note: '',
});

function sentText(d: DistributionItem): string {
  const to =
    d.recipient === 'other' && d.recipientName
      ? d.recipientName
      : distributionRecipientLabels[d.recipient];
  return `${to}: sent ${formatDate(d.sentOn)}${d.note ? `. ${d.note}` : ''}`;
}

interface DistributionLogProps {
  year: number;
  signedOff: boolean;
  distributions: readonly DistributionItem[];
  canRecord: boolean;
  onRecorded: () => void;
}

/** Where the signed-off statement went and when: the national Panel, Foundations, others. */
export function DistributionLog(props: DistributionLogProps) {
  const { year, signedOff, distributions, canRecord, onRecorded } = props;
  const styles = useWorkStyles();
  const form = useFormStyles();
  const api = useApi();
  const submitKey = useSubmitKey();
  const busy = useRef(false);
  const [draft, setDraft] = useState<Draft>(fresh);
  const [missing, setMissing] = useState<string[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = [
      ...(draft.recipient ? [] : ['recipient']),
      ...(draft.recipient === 'other' && !draft.recipientName.trim() ? ['recipientName'] : []),
      ...(draft.sentOn ? [] : ['sentOn']),
    ];
    setMissing(problems);
    if (problems.length > 0 || !draft.recipient) {
      setStatus({ kind: 'error', text: 'Say who the statement went to and when.' });
      return;
    }
    busy.current = true;
    setRefused([]);
    setStatus({ kind: 'info', text: 'Recording…' });
    try {
      await recordDistribution(api, year, {
        recipient: draft.recipient,
        ...(draft.recipient === 'other' ? { recipientName: draft.recipientName.trim() } : {}),
        sentOn: draft.sentOn,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        distributionKey: submitKey.take(),
      });
      submitKey.settle();
      setDraft(fresh());
      setStatus({ kind: 'success', text: 'Recorded in the distribution log.' });
      onRecorded();
    } catch (error) {
      const problem = formProblem(error);
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
    <div className={styles.body}>
      <Heading level={3}>Distribution log</Heading>
      {distributions.length === 0 ? (
        <p className={styles.line}>Not recorded as sent anywhere yet.</p>
      ) : (
        <ul aria-label="Where the statement was sent">
          {distributions.map((d) => (
            <li key={d.id}>{sentText(d)}</li>
          ))}
        </ul>
      )}
      {canRecord && !signedOff && (
        <p className={styles.line}>Once the statement is signed off, record here where it went.</p>
      )}
      {canRecord && signedOff && (
        <form
          className={form.form}
          onSubmit={(e) => void save(e)}
          noValidate
          aria-label="Record where the statement was sent"
        >
          <Field
            label={columns.recipient.label}
            required
            {...flag('recipient', 'Choose who it went to.')}
          >
            <RadioGroup
              value={draft.recipient}
              onChange={(_, d) =>
                setDraft({ ...draft, recipient: d.value as DistributionRecipient })
              }
            >
              {distributionRecipients.map((r) => (
                <Radio key={r} value={r} label={distributionRecipientLabels[r]} />
              ))}
            </RadioGroup>
          </Field>
          {draft.recipient === 'other' && (
            <Field
              label={columns.recipientName.label}
              required
              {...flag('recipientName', 'Name the recipient.')}
            >
              <Input
                value={draft.recipientName}
                maxLength={columns.recipientName.maxLength}
                onChange={(_, d) => setDraft({ ...draft, recipientName: d.value })}
              />
            </Field>
          )}
          <Field
            label={columns.sentOn.label}
            required
            {...flag('sentOn', 'Give the date it was sent.')}
          >
            <Input
              type="date"
              value={draft.sentOn}
              onChange={(_, d) => setDraft({ ...draft, sentOn: d.value })}
            />
          </Field>
          <Field
            label={columns.note.label}
            hint="Optional. Name no child or family."
            {...flag('note', '')}
          >
            <Input
              value={draft.note}
              maxLength={columns.note.maxLength}
              onChange={(_, d) => setDraft({ ...draft, note: d.value })}
            />
          </Field>
          <div className={form.buttons}>
            <Button type="submit" appearance="primary">
              Record as sent
            </Button>
          </div>
        </form>
      )}
      <StatusArea status={status} />
    </div>
  );
}
