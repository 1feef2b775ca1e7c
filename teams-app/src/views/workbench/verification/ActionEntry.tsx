import type { ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import type { TrackerImpactCheck } from '../../../../../src/domain/tracker-view';
import type { ActionEventKind } from '../../../../../src/domain/vocabulary';
import { evidenceClassLabels } from '../../../../../src/domain/vocabulary';
import { RagChip } from '../../../components/RagChip';
import { formatDate } from '../../../format/dates';
import type { FlatAction } from './flatten';
import { actLabels, actsFrom, statusLabels } from './labels';
import { useWorkStyles } from './workStyles';

/** Which form is open on an action. */
export type FormName = ActionEventKind | 'schedule' | `outcome:${string}`;

export const outcomeForm = (checkId: string): FormName => `outcome:${checkId}`;

function checkText(check: TrackerImpactCheck): string {
  const head = `${check.monthsAfter}-month impact check, due ${formatDate(check.dueDate)}`;
  if (check.status === 'scheduled') return `${head}: scheduled`;
  if (check.status === 'cancelled') return `${head}: cancelled`;
  const found = check.outcomeClass ? evidenceClassLabels[check.outcomeClass] : 'done';
  return `${head}: ${found}${check.outcome ? `. ${check.outcome}` : ''}`;
}

interface ActionEntryProps {
  entry: FlatAction;
  /** The scrutineer: the acts and the impact-check controls are offered. */
  canAct: boolean;
  open: FormName | undefined;
  onOpen: (form: FormName | undefined) => void;
  /** The open form, rendered by the section (it keeps the drafts). */
  form: ReactNode;
}

/** One action: where it stands, its impact checks, and (for the scrutineer) what can be done. */
export function ActionEntry({ entry, canAct, open, onOpen, form }: ActionEntryProps) {
  const styles = useWorkStyles();
  const { action } = entry;
  const hidden = <span className={styles.visuallyHidden}>: {action.description}</span>;
  const toggle = (name: FormName) => onOpen(open === name ? undefined : name);
  const formId = `action-form-${action.id}`;
  const canSchedule = action.status === 'verified';

  return (
    <li id={`action-${action.id}`} tabIndex={-1} className={styles.item}>
      <p className={`${styles.line} ${styles.strong}`}>{action.description}</p>
      <p className={styles.line}>
        {entry.reference}, {entry.partnerName}: {entry.recommendationTitle}
      </p>
      <p className={styles.line}>
        <RagChip verdict={action.rag} /> {action.rag.reason}. {statusLabels[action.status]}, due{' '}
        {formatDate(action.dueDate)}, {action.progress}% done
        {action.ownerName ? `, owner ${action.ownerName}` : ''}.
      </p>
      {action.note && (
        <p className={styles.quote}>
          {action.status === 'verified' ? 'Evidence seen' : 'Reason'}: {action.note}
        </p>
      )}
      {action.impactChecks.length > 0 && (
        <ul aria-label={`Impact checks: ${action.description}`}>
          {action.impactChecks.map((check) => (
            <li key={check.id}>
              {checkText(check)}{' '}
              {canAct && check.status === 'scheduled' && (
                <Button
                  size="small"
                  aria-expanded={open === outcomeForm(check.id)}
                  aria-controls={open === outcomeForm(check.id) ? formId : undefined}
                  onClick={() => toggle(outcomeForm(check.id))}
                >
                  Record the outcome
                  <span className={styles.visuallyHidden}>
                    {' '}
                    of the {check.monthsAfter}-month check: {action.description}
                  </span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <div className={styles.buttons}>
          {actsFrom[action.status].map((kind) => (
            <Button
              key={kind}
              aria-expanded={open === kind}
              aria-controls={open === kind ? formId : undefined}
              onClick={() => toggle(kind)}
            >
              {actLabels[kind]}
              {hidden}
            </Button>
          ))}
          {canSchedule && (
            <Button
              aria-expanded={open === 'schedule'}
              aria-controls={open === 'schedule' ? formId : undefined}
              onClick={() => toggle('schedule')}
            >
              Schedule impact check
              {hidden}
            </Button>
          )}
        </div>
      )}
      {canAct && open && form}
    </li>
  );
}
