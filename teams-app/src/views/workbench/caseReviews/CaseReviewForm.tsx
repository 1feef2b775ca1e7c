import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@fluentui/react-components';
import { lcsprDecisionLabels } from '../../../../../src/domain/case-review-clocks';
import { caseReviews } from '../../../../../src/domain/lists/case-reviews';
import { useApi } from '../../../api/ApiContext';
import { ApiError } from '../../../api/errors';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { createCaseReview, updateCaseReview, type CaseReviewRow } from './api';
import { changesOf, ColumnField, filledOf, problemFor } from './ColumnField';

const columns = caseReviews.columns;
type Key = keyof typeof columns;

/** In the order the clocks run: each late reason beside the date it explains. */
export const caseReviewKeys = Object.keys(columns) as Key[];

type Draft = Record<(typeof caseReviewKeys)[number], string>;

const hints: Partial<Record<Key, string>> = {
  code: "The partnership's case code, such as HSCP-C-2026-14. Never a name.",
  assuranceNote: 'Your judgement on timeliness and any late reasons. Name no child or family.',
};

function draftOf(review: CaseReviewRow | undefined): Draft {
  const d = Object.fromEntries(caseReviewKeys.map((k) => [k, ''])) as Draft;
  if (!review) return { ...d, lcsprDecision: 'pending' };
  for (const k of caseReviewKeys) d[k] = review[k] ?? '';
  return d;
}

interface CaseReviewFormProps {
  /** The review to change; none to add one. */
  review?: CaseReviewRow;
  onSaved: (row: CaseReviewRow) => void;
  /** The review changed meanwhile: read the list again (the text stays). */
  onStale: () => void;
  onCancel: () => void;
}

/**
 * Adds a case review by its code, or records its dates, late reasons and the assurance note. On
 * any refusal what was typed stays and the server's reason is shown beside the field.
 */
export function CaseReviewForm({ review, onSaved, onStale, onCancel }: CaseReviewFormProps) {
  const styles = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const [before] = useState(() => draftOf(review));
  const [draft, setDraft] = useState(before);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const name = review ? review.code : 'the new case review';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const body = review
      ? changesOf(caseReviewKeys, draft, before)
      : filledOf(caseReviewKeys, draft);
    if (Object.keys(body).length === 0) {
      setStatus({ kind: 'info', text: `Nothing has changed in ${name}.` });
      return;
    }
    busy.current = true;
    setRefused(null);
    setStatus({ kind: 'info', text: `Saving ${name}…` });
    try {
      onSaved(
        review ? await updateCaseReview(api, review, body) : await createCaseReview(api, body),
      );
    } catch (error) {
      const problem = formProblem(
        error,
        `${name} changed after you opened it. The latest version has been loaded; save again to apply your changes.`,
      );
      setRefused(error instanceof ApiError ? error : null);
      setStatus(problem.status);
      if (problem.conflict) onStale();
    } finally {
      busy.current = false;
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={review ? `Case review ${review.code}` : 'Add a case review'}
    >
      {caseReviewKeys.map((key) => (
        <ColumnField
          key={key}
          column={columns[key]}
          value={draft[key]}
          onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
          labels={key === 'lcsprDecision' ? lcsprDecisionLabels : undefined}
          hint={hints[key]}
          problem={problemFor(refused, key)}
        />
      ))}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          {review ? 'Save changes' : 'Add case review'}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
