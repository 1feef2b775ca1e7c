import { useRef, useState, type FormEvent } from 'react';
import { Button, Dropdown, Field, Input, Option, OptionGroup } from '@fluentui/react-components';
import type { Role } from '../../../../../src/domain/vocabulary';
import { useApi } from '../../../api/ApiContext';
import { ApiError } from '../../../api/errors';
import { recordChairTerm, type ChairTermItem } from '../../../api/reminders';
import type { PersonItem } from '../../../api/types';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { formProblem } from '../formProblem';
import { SubHeading } from '../SubHeading';
import { useFormStyles } from '../formStyles';
import { isIsoDate } from './words';

type FieldName = 'personId' | 'startsOn' | 'endsOn';
const fieldNames: readonly FieldName[] = ['personId', 'startsOn', 'endsOn'];

interface Draft {
  personId: string;
  startsOn: string;
  endsOn: string;
}

const empty: Draft = { personId: '', startsOn: '', endsOn: '' };

/** Offered first: those the chair usually rotates among. Anyone may be chosen. */
const likelyChairs: readonly Role[] = [
  'delegated-safeguarding-partner',
  'lead-safeguarding-partner',
  'partnership-chair',
];

const byName = (a: PersonItem, b: PersonItem) =>
  a.displayName.localeCompare(b.displayName, 'en-GB', { sensitivity: 'base' });

/** What stops the term being recorded, in words, by field. */
function problemsOf(draft: Draft): { field: FieldName; text: string }[] {
  const problems: { field: FieldName; text: string }[] = [];
  if (!draft.personId) problems.push({ field: 'personId', text: 'Choose who holds the chair.' });
  if (!isIsoDate(draft.startsOn))
    problems.push({ field: 'startsOn', text: 'Give the day the term starts.' });
  if (draft.endsOn && !isIsoDate(draft.endsOn))
    problems.push({ field: 'endsOn', text: 'Give the day the term ends, or leave it empty.' });
  else if (draft.endsOn && isIsoDate(draft.startsOn) && draft.endsOn < draft.startsOn)
    problems.push({ field: 'endsOn', text: 'The term must end on or after the day it starts.' });
  return problems;
}

/** The server's refusal, by field: its validation issues, and the codes that name one field. */
function refusedFields(error: unknown): Partial<Record<FieldName, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<FieldName, string>> = {};
  for (const issue of error.issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.join('.');
    const field = fieldNames.find((f) => path === f || path.startsWith(`${f}.`));
    if (field && !out[field]) out[field] = issue.message;
  }
  if (error.code === 'unknown-person') out.personId ??= error.message;
  if (error.code === 'invalid-term') out.endsOn ??= error.message;
  return out;
}

interface ChairTermFormProps {
  people: readonly PersonItem[];
  /** The terms as listed, to say whether an open one is closed by this. */
  terms: readonly ChairTermItem[];
  onRecorded: () => void;
}

/**
 * The business unit records who holds the partnership chair from a date. The server closes a term
 * still open before it the day before. On a failure what was typed stays, with the server's reason.
 */
export default function ChairTermForm({ people, terms, onRecorded }: ChairTermFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [draft, setDraft] = useState<Draft>(empty);
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  const [refused, setRefused] = useState<Partial<Record<FieldName, string>>>({});
  const [status, setStatus] = useState<Status | null>(null);

  const likely = people.filter((p) => p.roles.some((r) => likelyChairs.includes(r))).sort(byName);
  const others = people.filter((p) => !likely.includes(p)).sort(byName);
  const chosen = people.find((p) => p.id === draft.personId);

  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = problemsOf(draft);
    setMissing(Object.fromEntries(problems.map((p) => [p.field, p.text])));
    setRefused({});
    if (problems.length > 0) {
      setStatus({
        kind: 'error',
        text: 'The new chair is not ready to record yet.',
        details: problems.map((p) => p.text),
      });
      return;
    }
    busy.current = true;
    setSaving(true);
    const name = chosen?.displayName ?? 'The person chosen';
    setStatus({ kind: 'info', text: `Recording ${name} as chair…` });
    try {
      await recordChairTerm(api, {
        personId: draft.personId,
        startsOn: draft.startsOn,
        ...(draft.endsOn ? { endsOn: draft.endsOn } : {}),
      });
      // The server closes a term still open before this one the day before it starts.
      const closes = terms.some((t) => !t.endsOn && t.startsOn < draft.startsOn);
      setStatus({
        kind: 'success',
        text:
          `Recorded: ${name} holds the chair from ${formatDate(draft.startsOn)}` +
          (draft.endsOn ? ` until ${formatDate(draft.endsOn)}` : '') +
          (closes ? '; the previous term now ends the day before.' : '.'),
      });
      setDraft(empty);
      setMissing({});
      onRecorded();
    } catch (error) {
      setRefused(refusedFields(error));
      setStatus(formProblem(error).status);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const flag = (field: FieldName) => {
    const text = refused[field] ?? missing[field];
    return { validationState: text ? 'error' : 'none', validationMessage: text } as const;
  };

  const option = (p: PersonItem) => (
    <Option key={p.id} value={p.id}>
      {p.displayName}
    </Option>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-labelledby="chair-form-heading"
    >
      <SubHeading id="chair-form-heading">Record a new chair</SubHeading>
      <p className={styles.hint}>
        A term still open before the new one starts ends the day before it.
      </p>
      <Field label="Person" required {...flag('personId')}>
        <Dropdown
          placeholder="Choose a person"
          value={chosen?.displayName ?? ''}
          selectedOptions={draft.personId ? [draft.personId] : []}
          onOptionSelect={(_, d) => edit({ personId: d.optionValue ?? '' })}
        >
          {likely.length > 0 && (
            <OptionGroup label="Delegated and lead safeguarding partners">
              {likely.map(option)}
            </OptionGroup>
          )}
          {others.length > 0 && (
            <OptionGroup label="Everyone else">{others.map(option)}</OptionGroup>
          )}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Field label="From" required {...flag('startsOn')}>
          <Input
            type="date"
            value={draft.startsOn}
            onChange={(_, d) => edit({ startsOn: d.value })}
          />
        </Field>
        <Field label="Until" hint="Leave empty while the term runs." {...flag('endsOn')}>
          <Input type="date" value={draft.endsOn} onChange={(_, d) => edit({ endsOn: d.value })} />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Record the new chair
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
