import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { FindingItem, PartnerItem, RecommendationItem } from '../../api/types';
import { StatusArea, type Status } from '../../components/StatusArea';
import { isoDateFromToday } from '../../format/dates';
import { formProblem } from './formProblem';
import { useFormStyles } from './formStyles';
import {
  draftProblems,
  RecommendationFields,
  type RecommendationDraft,
} from './recommendations/RecommendationFields';

/** A sensible default the scrutineer can change: partners usually get four weeks to respond. */
const DEFAULT_RESPONSE_DAYS = 28;

interface RecommendationFormProps {
  finding: FindingItem;
  findings: readonly FindingItem[];
  partners: readonly PartnerItem[];
  onSaved: (recommendation: RecommendationItem) => void;
  onCancel: () => void;
}

/** A new draft from a finding: the finding's partners are proposed and the finding is linked. */
export function RecommendationForm({
  finding,
  findings,
  partners,
  onSaved,
  onCancel,
}: RecommendationFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const titleRef = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const [draft, setDraft] = useState<RecommendationDraft>(() => ({
    title: '',
    text: '',
    priority: '',
    partnerIds: [...(finding.partnerIds ?? [])],
    findingIds: [finding.id],
    responseDueDate: isoDateFromToday(DEFAULT_RESPONSE_DAYS),
  }));
  const [refused, setRefused] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  // The form opens below the button: move focus into it so keyboard users land where they typed.
  useEffect(() => titleRef.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const problems = draftProblems(draft);
    if (problems.length > 0 || !draft.priority) {
      setStatus({ kind: 'error', text: 'The recommendation is not ready yet.', details: problems });
      return;
    }
    busy.current = true;
    try {
      const recommendation = await api.post<RecommendationItem>('/api/recommendations', {
        title: draft.title.trim(),
        text: draft.text.trim(),
        priority: draft.priority,
        partnerIds: draft.partnerIds,
        findingIds: draft.findingIds,
        responseDueDate: draft.responseDueDate,
      });
      onSaved(recommendation);
    } catch (error) {
      const problem = formProblem(error);
      setRefused(problem.fields);
      setStatus(problem.status);
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={`Recommendation for ${finding.title}`}
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
