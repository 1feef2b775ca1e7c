import { Fragment } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanSummary } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { formatDays, formatMoney } from './planFormat';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
});

interface Figure {
  term: string;
  value: string;
}

function Figures({ title, figures }: { title: string; figures: Figure[] }) {
  const styles = useStyles();
  return (
    <div>
      <Heading level={3}>{title}</Heading>
      <dl className={styles.list}>
        {figures.map((f) => (
          <Fragment key={f.term}>
            <dt className={styles.term}>{f.term}</dt>
            <dd className={styles.value}>{f.value}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

/** The day budget and what it costs, in words and figures. */
export function PlanFigures({ summary }: { summary: PlanSummary }) {
  const styles = useStyles();
  const { days, cost } = summary;
  return (
    <div className={styles.groups}>
      <Figures
        title="Day budget"
        figures={[
          { term: 'Days contracted', value: formatDays(days.contracted) },
          { term: 'Days allocated', value: formatDays(days.allocated) },
          { term: 'Days logged', value: formatDays(days.logged) },
          {
            term: 'Days remaining',
            value:
              days.remaining < 0
                ? `None: overspent by ${formatDays(-days.remaining)}`
                : formatDays(days.remaining),
          },
          {
            term: 'Days not yet allocated',
            value:
              days.unallocated < 0
                ? `None: over-allocated by ${formatDays(-days.unallocated)}`
                : formatDays(days.unallocated),
          },
        ]}
      />
      <Figures
        title="Cost"
        figures={[
          { term: 'Day rate', value: formatMoney(cost.dayRate) },
          { term: 'Budget', value: formatMoney(cost.budget) },
          { term: 'Spent', value: formatMoney(cost.spent) },
          { term: 'Committed', value: formatMoney(cost.committed) },
        ]}
      />
    </div>
  );
}
