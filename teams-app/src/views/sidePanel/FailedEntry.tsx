import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PartnerItem } from '../../api/types';
import { truncate } from '../../format/text';
import type { OutboxControl } from '../../outbox/lazyOutbox';
import type { OutboxEntry } from '../../outbox/types';
import { fieldsFrom, valuesFrom } from './formValues';
import { LazyEditor } from './LazyEditor';

const useStyles = makeStyles({
  item: { display: 'grid', gap: tokens.spacingVerticalXS },
  text: { overflowWrap: 'anywhere', margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface FailedEntryProps {
  entry: OutboxEntry;
  partners: readonly PartnerItem[];
  outbox: OutboxControl;
  /** Where focus goes once the entry has left this list. */
  onDone: (message: string) => void;
}

/** A refused observation: the reason in words, and edit-and-resend or (confirmed) discard. */
export function FailedEntry({ entry, partners, outbox, onDone }: FailedEntryProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const discardButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const previous = useRef(mode);

  // The safe choice gets focus when asked to confirm; back to Discard if the person keeps it.
  useEffect(() => {
    if (mode === 'confirm') keepButton.current?.focus();
    if (mode === 'view' && previous.current === 'confirm') discardButton.current?.focus();
    previous.current = mode;
  }, [mode]);
  const firstWords = truncate(entry.fields.text, 50);

  return (
    <li className={styles.item}>
      <p className={styles.text}>
        <strong>{firstWords}</strong>
      </p>
      <p className={styles.text}>{entry.reason ?? 'The server did not accept it.'}</p>
      {entry.details && entry.details.length > 0 && (
        <ul className={styles.details}>
          {entry.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {mode === 'edit' && (
        <LazyEditor
          initial={valuesFrom(entry.fields)}
          partners={partners}
          submitLabel="Resend"
          onCancel={() => setMode('view')}
          onSubmit={(values) => {
            const fields = fieldsFrom(values);
            if (!fields) return;
            void outbox.resend(entry.key, fields).then(() => onDone('Sending it again…'));
          }}
        />
      )}
      {mode === 'confirm' && (
        <div role="group" aria-label="Confirm discard">
          <p className={styles.text}>
            Discard this observation? Its text will be deleted from this device and cannot be
            recovered.
          </p>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() =>
                void outbox.discard(entry.key).then(() => onDone('Observation discarded.'))
              }
            >
              Discard for good
            </Button>
            <Button ref={keepButton} onClick={() => setMode('view')}>
              Keep it
            </Button>
          </div>
        </div>
      )}
      {mode === 'view' && (
        <div className={styles.actions}>
          <Button aria-label={`Edit and resend: ${firstWords}`} onClick={() => setMode('edit')}>
            Edit and resend
          </Button>
          <Button
            ref={discardButton}
            aria-label={`Discard: ${firstWords}`}
            onClick={() => setMode('confirm')}
          >
            Discard
          </Button>
        </div>
      )}
    </li>
  );
}
