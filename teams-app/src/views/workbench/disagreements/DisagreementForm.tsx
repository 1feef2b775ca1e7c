import { useRef, useState, type FormEvent } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { disagreementStatusLabels } from '../../../../../src/domain/disagreements';
import { disagreements } from '../../../../../src/domain/lists/disagreements';
import { useApi } from '../../../api/ApiContext';
import { ApiError } from '../../../api/errors';
import type { PartnerItem } from '../../../api/types';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { changesOf, ColumnField, filledOf, problemFor } from '../caseReviews/ColumnField';
import { ChoiceCheckboxes } from '../ChoiceCheckboxes';
import { formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { createDisagreement, updateDisagreement, type DisagreementRow } from './api';

const columns = disagreements.columns;

const useStyles = makeStyles({
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});
type Key = Exclude<keyof typeof columns, 'partnerIds'>;

export const textKeys = [
  'reference',
  'matter',
  'positions',
  'raisedOn',
  'advice',
  'adviceOn',
  'outcome',
  'status',
  'resolvedOn',
] as const satisfies readonly Key[];

type Draft = Record<(typeof textKeys)[number], string>;

const hints: Partial<Record<Key, string>> = {
  reference: "The partnership's reference, such as HSCP-D-2026-3.",
  matter: 'What the partners disagree about, at system level. Name no child or family.',
};

function draftOf(item: DisagreementRow | undefined): Draft {
  const d = Object.fromEntries(textKeys.map((k) => [k, ''])) as Draft;
  if (!item) return { ...d, status: 'open' };
  for (const k of textKeys) d[k] = item[k] ?? '';
  return d;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

interface DisagreementFormProps {
  item?: DisagreementRow;
  partners: readonly PartnerItem[];
  onSaved: (row: DisagreementRow) => void;
  onStale: () => void;
  onCancel: () => void;
}

/**
 * Records a disagreement between partners, or its positions, the independent advice, outcome and
 * dates. On any refusal what was typed stays and the server's reason is shown.
 */
export function DisagreementForm({
  item,
  partners,
  onSaved,
  onStale,
  onCancel,
}: DisagreementFormProps) {
  const styles = { ...useFormStyles(), ...useStyles() };
  const api = useApi();
  const busy = useRef(false);
  const [before] = useState(() => draftOf(item));
  const [draft, setDraft] = useState(before);
  const [parties, setParties] = useState<string[]>(() => [...(item?.partnerIds ?? [])]);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const name = item ? item.reference : 'the new disagreement';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    const partiesChanged = !item || !sameSet(parties, item.partnerIds);
    const body = {
      ...(item ? changesOf(textKeys, draft, before) : filledOf(textKeys, draft)),
      ...(partiesChanged ? { partnerIds: parties } : {}),
    };
    if (Object.keys(body).length === 0) {
      setStatus({ kind: 'info', text: `Nothing has changed in ${name}.` });
      return;
    }
    busy.current = true;
    setRefused(null);
    setStatus({ kind: 'info', text: `Saving ${name}…` });
    try {
      onSaved(
        item ? await updateDisagreement(api, item, body) : await createDisagreement(api, body),
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

  const field = (key: (typeof textKeys)[number]) => (
    <ColumnField
      key={key}
      column={columns[key]}
      value={draft[key]}
      onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
      labels={key === 'status' ? disagreementStatusLabels : undefined}
      hint={hints[key]}
      problem={problemFor(refused, key)}
    />
  );
  const partiesProblem = problemFor(refused, 'partnerIds');

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={item ? `Disagreement ${item.reference}` : 'Add a disagreement'}
    >
      {field('reference')}
      <div>
        <ChoiceCheckboxes
          legend={`${columns.partnerIds.label} (at least two partners)`}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
          selected={parties}
          onChange={setParties}
        />
        {partiesProblem && <p className={styles.problem}>{partiesProblem}</p>}
      </div>
      {textKeys.slice(1).map(field)}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          {item ? 'Save changes' : 'Add disagreement'}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
