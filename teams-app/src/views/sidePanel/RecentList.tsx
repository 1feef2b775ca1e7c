import { makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../../api/errors';
import type { ObservationItem, PartnerItem } from '../../api/types';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import type { Status } from '../../components/StatusArea';
import type { OutboxEntry } from '../../outbox/types';
import { RecentItem } from './RecentItem';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'grid', gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', margin: 0 },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  state: { fontWeight: tokens.fontWeightSemibold },
});

interface RecentListProps {
  items: readonly ObservationItem[];
  /** This meeting's observations still on the device. */
  entries: readonly OutboxEntry[];
  partners: readonly PartnerItem[];
  problem?: Problem;
  onRetry: () => void;
  onSaved: (item: ObservationItem) => void;
  onStale: (id: string) => void;
  onStatus: (status: Status | null) => void;
}

/** This meeting's observations, newest first; ones not yet on the server say so in words. */
export function RecentList({
  items,
  entries,
  partners,
  problem,
  onRetry,
  onSaved,
  onStale,
  onStatus,
}: RecentListProps) {
  const styles = useStyles();
  const waiting = [...entries].reverse();
  return (
    <section aria-labelledby="recent-heading">
      <Heading level={2} id="recent-heading">
        Recent
      </Heading>
      {problem && <ProblemText problem={problem} onRetry={onRetry} />}
      {items.length === 0 && waiting.length === 0 ? (
        <p>Nothing saved yet.</p>
      ) : (
        <ul className={styles.list}>
          {waiting.map((entry) => (
            <li key={entry.key} className={styles.item}>
              <span className={styles.meta}>
                <ClassBadge value={entry.fields.evidenceClass} />
                <span className={styles.state}>
                  {entry.state === 'failed' ? 'Not sent: see Failed' : 'Pending: not sent yet'}
                </span>
              </span>
              <p className={styles.text}>{entry.fields.text}</p>
            </li>
          ))}
          {items.map((item) => (
            <RecentItem
              key={item.id}
              item={item}
              partners={partners}
              onSaved={onSaved}
              onStale={onStale}
              onStatus={onStatus}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
