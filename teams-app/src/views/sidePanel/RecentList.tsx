import { makeStyles, tokens } from '@fluentui/react-components';
import type { ObservationItem } from '../../api/types';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { formatTime } from '../../format/dates';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  item: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** What the scrutineer saved in this session, newest first. */
export function RecentList({ items }: { items: readonly ObservationItem[] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="recent-heading">
      <Heading level={2} id="recent-heading">
        Recent
      </Heading>
      {items.length === 0 ? (
        <p>Nothing saved yet.</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <span className={styles.meta}>
                <ClassBadge value={item.evidenceClass} />
                {item.observedAt && (
                  <time dateTime={item.observedAt}>{formatTime(item.observedAt)}</time>
                )}
              </span>
              {item.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
