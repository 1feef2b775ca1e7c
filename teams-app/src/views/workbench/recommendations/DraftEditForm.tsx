import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { FindingItem, PartnerItem, RecommendationItem } from '../../../api/types';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import {
  draftProblems,
  RecommendationFields,
  type RecommendationDraft,
} from './RecommendationFields';

interface DraftEditFormProps {
  item: RecommendationItem;
  partners: readonly PartnerItem[];
  findings: readonly FindingItem[];
  onSaved: (item: RecommendationItem) => void;
  /** Someone else saved first: reload so the next save carries the new etag. */
  onConflict: () => void;
  onCancel: () => void;
}

const draftOf = (item: RecommendationItem): RecommendationDraft => ({
  title: item.title,
  text: item.text,
  priority: item.priority,
  partnerIds: [...(item.partnerIds ?? [])],
  findingIds: [...(item.findingIds ?? [])],
  responseDueDate: item.responseDueDate,
});

/**
 * Edits a draft with If-Match. On 412 the user's text stays in the form; the list reloads, so
 * saving again deliberately replaces the other change.
 */
export function DraftEditForm({
  item,
  partners,
  findings,
  onSaved,
  onConflict,
  onCancel,
}: DraftEditFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const titleRef = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const [draft, setDraft] = useState(() => draftOf(item));
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => titleRef.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = draftProblems(draft);
    if (problems.length > 0 || !draft.priority) {
      setStatus({ kind: 'error', text: 'The draft is not ready yet.', details: problems });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'info', text: `Saving ${item.reference}…` });
    try {
      const saved = await api.patch<RecommendationItem>(
        `/api/recommendations/${encodeURIComponent(item.id)}`,
        {
          title: draft.title.trim(),
          text: draft.text.trim(),
          priority: draft.priority,
          partnerIds: draft.partnerIds,
          findingIds: draft.findingIds,
          responseDueDate: draft.responseDueDate,
        },
        { ifMatch: item.etag },
      );
      onSaved(saved);
    } catch (error) {
      const problem = formProblem(
        error,
        `${item.reference} was changed elsewhere after you opened it. The latest version has ` +
          'been loaded; save again to replace it with your changes, or cancel to keep it.',
      );
      setRefused(problem.fields);
      setStatus(problem.status);
      if (problem.conflict) onConflict();
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`Edit ${item.reference}`}
    >
      <RecommendationFields
        value={draft}
        onChange={setDraft}
        partners={partners}
        findings={findings}
        refused={refused}
        titleRef={titleRef}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          Save changes
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
