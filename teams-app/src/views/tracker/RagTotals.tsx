import { makeStyles, tokens } from '@fluentui/react-components';
import { ragLabels, rags, type Rag } from '../../../../src/domain/rag';
import { RagChip } from '../../components/RagChip';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  item: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** The count of each RAG, e.g. "Red 3"; `label` names the list for screen readers. */
export function RagTotals({ totals, label }: { totals: Record<Rag, number>; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {rags.map((rag) => (
        <li key={rag} className={styles.item}>
          <RagChip verdict={{ rag, reason: `${ragLabels[rag]}: ${totals[rag]}` }} />
          <span className={styles.count}>{totals[rag]}</span>
        </li>
      ))}
    </ul>
  );
}
