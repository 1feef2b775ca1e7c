import { useId } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PartnerItem } from '../../api/types';
import { Heading } from '../../components/Heading';
import { truncate } from '../../format/text';
import type { OutboxControl } from '../../outbox/lazyOutbox';
import type { OutboxSnapshot } from '../../outbox/outbox';
import { FailedEntry } from './FailedEntry';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  failedList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  text: { overflowWrap: 'anywhere' },
  warning: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

interface OutboxPanelProps {
  snapshot: OutboxSnapshot;
  outbox: OutboxControl;
  partners: readonly PartnerItem[];
  onDone: (message: string) => void;
}

/** Everything still on this device, from any meeting: nothing unsent is ever out of sight. */
export function OutboxPanel({ snapshot, outbox, partners, onDone }: OutboxPanelProps) {
  const styles = useStyles();
  const pendingId = useId();
  const failedId = useId();
  const pending = snapshot.entries.filter((e) => e.state === 'pending');
  const failed = snapshot.entries.filter((e) => e.state === 'failed');

  return (
    <>
      {!snapshot.persistent && (
        <p className={styles.warning}>
          This browser cannot keep unsent observations after the panel closes. Keep it open until
          they are sent.
        </p>
      )}
      {pending.length > 0 && (
        <section aria-labelledby={pendingId}>
          <Heading level={2} id={pendingId}>
            {`Pending (${pending.length})`}
          </Heading>
          <ul className={styles.list}>
            {pending.map((entry) => (
              <li key={entry.key} className={styles.text}>
                {truncate(entry.fields.text, 60)}:{' '}
                {snapshot.sending === entry.key
                  ? 'sending now.'
                  : (entry.reason ?? 'waiting to send.')}
              </li>
            ))}
          </ul>
          <p>
            <Button onClick={() => void outbox.flush(true)}>Send now</Button>
          </p>
        </section>
      )}
      {failed.length > 0 && (
        <section aria-labelledby={failedId}>
          <Heading level={2} id={failedId}>
            {`Failed (${failed.length})`}
          </Heading>
          <ul className={styles.failedList}>
            {failed.map((entry) => (
              <FailedEntry
                key={entry.key}
                entry={entry}
                partners={partners}
                outbox={outbox}
                onDone={onDone}
              />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
