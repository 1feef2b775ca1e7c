import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { FindingItem, ObservationItem } from '../../api/types';
import { Heading } from '../../components/Heading';
import { StatusArea, type Status } from '../../components/StatusArea';
import { evidenceClassLabels } from '../../forms/fields';
import { formProblem } from './formProblem';
import { useFormStyles } from './formStyles';

interface MergeFormProps {
  selected: readonly ObservationItem[];
  findings: readonly FindingItem[];
  onMerged: (finding: FindingItem) => void;
  /** The chosen finding changed elsewhere: reload the findings for its new etag. */
  onConflict: () => void;
}

const CONFLICT =
  'That finding was changed since the page loaded. The findings have been reloaded: check it and merge again.';

/** Adds the selected observations to a finding that already exists. */
export function MergeForm({ selected, findings, onMerged, onConflict }: MergeFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [findingId, setFindingId] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const finding = findings.find((f) => f.id === findingId);

  const merge = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = [
      selected.length === 0 && 'Select at least one observation.',
      !finding && 'Choose the finding to merge into.',
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0 || !finding) {
      setStatus({ kind: 'error', text: 'Nothing merged yet.', details: problems });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'info', text: `Merging into ${finding.title}…` });
    try {
      const merged = await api.post<FindingItem>(
        `/api/findings/${encodeURIComponent(finding.id)}/observations`,
        { observationIds: selected.map((o) => o.id) },
        { ifMatch: finding.etag },
      );
      const n = selected.length;
      setStatus({
        kind: 'success',
        text: `Merged ${n} observation${n === 1 ? '' : 's'} into ${merged.title}.`,
      });
      onMerged(merged);
    } catch (error) {
      const problem = formProblem(error, CONFLICT, 'Your selection is kept.');
      setStatus(problem.status);
      if (problem.conflict) onConflict();
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void merge(e)}
      noValidate
      aria-labelledby="merge-heading"
    >
      <Heading level={3} id="merge-heading">
        Merge into an existing finding
      </Heading>
      <Field label="Finding to merge into">
        <Select value={findingId} onChange={(_, d) => setFindingId(d.value)}>
          <option value="">{findings.length === 0 ? 'No findings yet' : 'Choose a finding'}</option>
          {findings.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title} ({evidenceClassLabels[f.evidenceClass]})
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit">Merge into finding</Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
