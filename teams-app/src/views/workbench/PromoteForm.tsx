import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { EvidenceClass, EvidenceSource } from '../../../../src/domain/vocabulary';
import { useApi } from '../../api/ApiContext';
import { describeProblem } from '../../api/errors';
import type { FindingItem, ObservationItem } from '../../api/types';
import { isAuthError } from '../../auth/authProvider';
import { Heading } from '../../components/Heading';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import { evidenceClassOptions, findingColumns as columns, qualified } from '../../forms/fields';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    marginTop: tokens.spacingVerticalL,
  },
});

interface PromoteFormProps {
  selected: readonly ObservationItem[];
  onCreated: (finding: FindingItem) => void;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Builds a finding from the selected observations; their partners and sources carry over. */
export function PromoteForm({ selected, onCreated }: PromoteFormProps) {
  const styles = useStyles();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [classOverride, setClassOverride] = useState<EvidenceClass | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const evidenceClass = classOverride ?? selected[0]?.evidenceClass ?? '';

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const problems = [
      selected.length === 0 && 'Select at least one observation.',
      !title.trim() && `Write the ${qualified('finding', columns.title.label)}.`,
      !summary.trim() && `Write the ${columns.summary.label.toLowerCase()}.`,
      !evidenceClass && 'Choose a class.',
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0 || !evidenceClass) {
      setStatus({ kind: 'error', text: 'The finding is not ready yet.', details: problems });
      return;
    }
    const body = {
      title: title.trim(),
      summary: summary.trim(),
      evidenceClass,
      partnerIds: unique(selected.flatMap((o) => o.partnerIds ?? [])),
      observationIds: selected.map((o) => o.id),
      sources: unique<EvidenceSource>(selected.map((o) => o.source)),
    };
    setSaving(true);
    try {
      const finding = await api.post<FindingItem>('/api/findings', body);
      setTitle('');
      setSummary('');
      setClassOverride(null);
      setStatus({ kind: 'success', text: `Finding created: ${finding.title}` });
      onCreated(finding);
    } catch (error) {
      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void create(e)}
      noValidate
      aria-labelledby="promote-heading"
    >
      <Heading level={3} id="promote-heading">
        Promote to finding
      </Heading>
      <p>
        {selected.length === 0
          ? 'Select observations above to promote them.'
          : `${selected.length} observation${selected.length === 1 ? '' : 's'} selected.`}
      </p>
      <Field label={qualified('Finding', columns.title.label)}>
        <Input
          value={title}
          maxLength={columns.title.maxLength}
          onChange={(_, d) => setTitle(d.value)}
        />
      </Field>
      <Field label={columns.summary.label}>
        <Textarea
          value={summary}
          maxLength={columns.summary.maxLength}
          rows={4}
          resize="vertical"
          onChange={(_, d) => setSummary(d.value)}
        />
      </Field>
      <Field label={columns.evidenceClass.label}>
        <Select
          value={evidenceClass}
          onChange={(_, d) => setClassOverride(d.value as EvidenceClass)}
        >
          {!evidenceClass && <option value="">Choose a class</option>}
          {evidenceClassOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Create finding
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
