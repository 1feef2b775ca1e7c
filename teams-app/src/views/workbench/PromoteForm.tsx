import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type {
  EvidenceClass,
  EvidenceSource,
  LineOfEnquiry,
} from '../../../../src/domain/vocabulary';
import { useApi } from '../../api/ApiContext';
import type { FindingItem, ObservationItem } from '../../api/types';
import { Heading } from '../../components/Heading';
import { StatusArea, type Status } from '../../components/StatusArea';
import {
  evidenceClassOptions,
  findingColumns as columns,
  lineOfEnquiryOptions,
  qualified,
} from '../../forms/fields';
import { fieldMessage, formProblem } from './formProblem';
import { useFormStyles } from './formStyles';

interface PromoteFormProps {
  selected: readonly ObservationItem[];
  onCreated: (finding: FindingItem) => void;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Builds a finding from the selected observations; their partners and sources carry over. */
export function PromoteForm({ selected, onCreated }: PromoteFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [classOverride, setClassOverride] = useState<EvidenceClass | null>(null);
  const [lineOverride, setLineOverride] = useState<LineOfEnquiry | '' | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  // The first selected observation proposes the class and line of enquiry; the user may change them.
  const evidenceClass = classOverride ?? selected[0]?.evidenceClass ?? '';
  const lineOfEnquiry = lineOverride ?? selected.find((o) => o.lineOfEnquiry)?.lineOfEnquiry ?? '';

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
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
      ...(lineOfEnquiry ? { lineOfEnquiry } : {}),
      partnerIds: unique(selected.flatMap((o) => o.partnerIds ?? [])),
      observationIds: selected.map((o) => o.id),
      sources: unique<EvidenceSource>(selected.map((o) => o.source)),
    };
    busy.current = true;
    try {
      const finding = await api.post<FindingItem>('/api/findings', body);
      setTitle('');
      setSummary('');
      setClassOverride(null);
      setLineOverride(null);
      setRefused([]);
      setStatus({ kind: 'success', text: `Finding created: ${finding.title}` });
      onCreated(finding);
    } catch (error) {
      const problem = formProblem(error);
      setRefused(problem.fields);
      setStatus(problem.status);
    } finally {
      busy.current = false;
    }
  };

  const flag = (name: string) => {
    const message = fieldMessage(refused, name);
    return { validationState: message ? 'error' : 'none', validationMessage: message } as const;
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void create(e)}
      noValidate
      aria-labelledby="promote-heading"
    >
      <Heading level={3} id="promote-heading">
        Promote to a new finding
      </Heading>
      <Field label={qualified('Finding', columns.title.label)} {...flag('title')}>
        <Input
          value={title}
          maxLength={columns.title.maxLength}
          onChange={(_, d) => setTitle(d.value)}
        />
      </Field>
      <Field label={columns.summary.label} {...flag('summary')}>
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
      <Field label={columns.lineOfEnquiry.label}>
        <Select
          value={lineOfEnquiry}
          onChange={(_, d) => setLineOverride(d.value as LineOfEnquiry | '')}
        >
          <option value="">None</option>
          {lineOfEnquiryOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary">
          Create finding
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
