import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Priority } from '../../../../src/domain/vocabulary';
import { useApi } from '../../api/ApiContext';
import { describeProblem } from '../../api/errors';
import type { FindingItem, PartnerItem, RecommendationItem } from '../../api/types';
import { isAuthError } from '../../auth/authProvider';
import { PartnerCheckboxes } from '../../components/PartnerCheckboxes';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import { isoDateFromToday } from '../../format/dates';
import { priorityOptions, qualified, recommendationColumns as columns } from '../../forms/fields';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    marginTop: tokens.spacingVerticalM,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A sensible default the scrutineer can change: partners usually get four weeks to respond. */
const DEFAULT_RESPONSE_DAYS = 28;

interface RecommendationFormProps {
  finding: FindingItem;
  partners: readonly PartnerItem[];
  onSaved: (recommendation: RecommendationItem) => void;
  onCancel: () => void;
}

export function RecommendationForm({
  finding,
  partners,
  onSaved,
  onCancel,
}: RecommendationFormProps) {
  const styles = useStyles();
  const api = useApi();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [partnerIds, setPartnerIds] = useState<string[]>(() => [...(finding.partnerIds ?? [])]);
  const [due, setDue] = useState(() => isoDateFromToday(DEFAULT_RESPONSE_DAYS));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  // The form opens below the button: move focus into it so keyboard users land where they typed.
  useEffect(() => titleRef.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const problems = [
      !title.trim() && `Write the ${qualified('recommendation', columns.title.label)}.`,
      !text.trim() && 'Write the recommendation.',
      !priority && 'Choose a priority.',
      partnerIds.length === 0 && 'Name at least one partner.',
      !/^\d{4}-\d{2}-\d{2}$/.test(due) && 'Give the date the response is due.',
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0 || !priority) {
      setStatus({ kind: 'error', text: 'The recommendation is not ready yet.', details: problems });
      return;
    }
    setSaving(true);
    try {
      const recommendation = await api.post<RecommendationItem>('/api/recommendations', {
        title: title.trim(),
        text: text.trim(),
        priority,
        partnerIds,
        findingIds: [finding.id],
        responseDueDate: due,
      });
      onSaved(recommendation);
    } catch (error) {
      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error)));
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`Recommendation for ${finding.title}`}
    >
      <Field label={qualified('Recommendation', columns.title.label)}>
        <Input
          ref={titleRef}
          value={title}
          maxLength={columns.title.maxLength}
          onChange={(_, d) => setTitle(d.value)}
        />
      </Field>
      <Field label={columns.text.label}>
        <Textarea
          value={text}
          maxLength={columns.text.maxLength}
          rows={5}
          resize="vertical"
          onChange={(_, d) => setText(d.value)}
        />
      </Field>
      <Field label={columns.priority.label}>
        <Select value={priority} onChange={(_, d) => setPriority(d.value as Priority)}>
          {!priority && <option value="">Choose a priority</option>}
          {priorityOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <PartnerCheckboxes
        legend={columns.partnerIds.label}
        partners={partners}
        selected={partnerIds}
        onChange={setPartnerIds}
      />
      <Field label={columns.responseDueDate.label}>
        <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save draft
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
