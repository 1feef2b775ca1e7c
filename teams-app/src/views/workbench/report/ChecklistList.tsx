import { Heading } from '../../../components/Heading';
import { useWorkStyles } from '../verification/workStyles';
import { stateLabels } from './labels';
import type { ChecklistSection } from './reportApi';

/** Which sections Working Together expects, and which are thin or empty, in words. */
export function ChecklistList({ sections }: { sections: readonly ChecklistSection[] }) {
  const styles = useWorkStyles();
  return (
    <div className={styles.body}>
      <Heading level={3}>Checklist</Heading>
      <ul className={styles.list} aria-label="Sections of the statement">
        {sections.map((s) => (
          <li key={s.key} className={styles.item}>
            <p className={`${styles.line} ${styles.strong}`}>{s.title}</p>
            <p className={styles.line}>
              {s.expected ? 'Expected by Working Together' : 'Not required by Working Together'}.{' '}
              {stateLabels[s.state]} ({s.count} {s.count === 1 ? 'record' : 'records'}).
            </p>
            {s.hint && <p className={styles.line}>{s.hint}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
