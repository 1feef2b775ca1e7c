import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { ObservationItem, PartnerItem } from '../../api/types';
import { ClassBadge } from '../../components/ClassBadge';
import type { Status } from '../../components/StatusArea';
import { formatTime } from '../../format/dates';
import { truncate } from '../../format/text';
import { valuesFrom, type FormValues } from './formValues';
import { LazyEditor } from './LazyEditor';

const useStyles = makeStyles({
  item: { display: 'grid', gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', margin: 0 },
  meta: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  quiet: { color: tokens.colorNeutralForeground3 },
});

interface RecentItemProps {
  item: ObservationItem;
  partners: readonly PartnerItem[];
  onSaved: (item: ObservationItem) => void;
  /** Someone else changed it, or it was promoted: fetch the current version. */
  onStale: (id: string) => void;
  onStatus: (status: Status | null) => void;
}

/** One saved observation, editable in place while it is still open (not promoted). */
export function RecentItem({ item, partners, onSaved, onStale, onStatus }: RecentItemProps) {
  const styles = useStyles();
  const api = useApi();
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  // After a conflict, show what is saved now beside the person's own version.
  const [showSaved, setShowSaved] = useState(false);
  const wasEditing = useRef(false);

  // Back to the Edit button when the editor closes, so keyboard users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const names = partners
    .filter((p) => (item.partnerIds ?? []).includes(p.id))
    .map((p) => p.name)
    .join(', ');
  const firstWords = truncate(item.text, 50);

  const close = () => {
    setEditing(false);
    setProblem(null);
    setReadOnly(false);
    setShowSaved(false);
  };

  const save = async (values: FormValues) => {
    setBusy(true);
    try {
      const { editObservation } = await import('./editObservation');
      const result = await editObservation(api, item, values);
      switch (result.kind) {
        case 'saved':
          onSaved(result.item);
          close();
          onStatus({ kind: 'success', text: 'Changes saved.' });
          return;
        case 'conflict':
          onStale(item.id);
          setShowSaved(true);
          setProblem(
            'Someone else changed this observation while you were editing, so your changes were not saved. The current version has been loaded; your text is still in the box. Check it and save again.',
          );
          return;
        case 'promoted':
          onStale(item.id);
          setShowSaved(true);
          setReadOnly(true);
          setProblem(result.message);
          return;
        case 'offline':
          setProblem(
            'Editing needs a connection. Your changes are still in the box; save again when you are back online.',
          );
          return;
        case 'signIn':
          setProblem('Sign in again to save. Your changes are still in the box.');
          return;
        case 'refused':
          setProblem(result.message);
          return;
      }
    } catch {
      setProblem(
        'Something went wrong, so your changes were not saved. They are still in the box.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item}>
      <span className={styles.meta}>
        <ClassBadge value={item.evidenceClass} />
        {item.observedAt && <time dateTime={item.observedAt}>{formatTime(item.observedAt)}</time>}
        {item.status === 'promoted' && <span className={styles.quiet}>Promoted to a finding</span>}
      </span>
      {editing ? (
        <LazyEditor
          initial={valuesFrom(item)}
          partners={partners}
          submitLabel="Save changes"
          busy={busy}
          readOnly={readOnly}
          problem={problem}
          onSubmit={(values) => void save(values)}
          onCancel={close}
        />
      ) : (
        <>
          <p className={styles.text}>{item.text}</p>
          {names && <span className={styles.quiet}>Partners: {names}</span>}
          {item.status !== 'promoted' && (
            <div>
              <Button
                ref={editButton}
                aria-label={`Edit: ${firstWords}`}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
            </div>
          )}
        </>
      )}
      {editing && showSaved && (
        <p className={styles.quiet}>Saved text now: {truncate(item.text, 200)}</p>
      )}
    </li>
  );
}
