import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PlanSummaryActivity } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { activityStatusLabels, planActivityColumns as columns } from '../../../forms/fields';
import { SubHeading } from '../SubHeading';
import { useTableStyles } from '../tableStyles';
import { formatDays, formatNumber } from './planFormat';

const useStyles = makeStyles({
  themes: { display: 'grid', gap: tokens.spacingVerticalL },
});

/** Activities in the order first seen, grouped by theme. */
export function groupByTheme(activities: readonly PlanSummaryActivity[]) {
  const groups = new Map<string, PlanSummaryActivity[]>();
  for (const activity of activities) {
    groups.set(activity.theme, [...(groups.get(activity.theme) ?? []), activity]);
  }
  return [...groups].map(([theme, items]) => ({ theme, items }));
}

/** Overrun in words, never by colour alone. */
export function balanceText(activity: PlanSummaryActivity): string {
  const over = activity.daysLogged - activity.daysAllocated;
  if (over > 0) return `Overrun by ${formatDays(over)}`;
  if (activity.overrun) return 'Overrun';
  if (over === 0) return 'All days used';
  return `${formatDays(activity.daysAllocated - activity.daysLogged)} left`;
}

const sum = (items: readonly PlanSummaryActivity[], key: 'daysAllocated' | 'daysLogged') =>
  items.reduce((total, a) => total + a[key], 0);

export function ActivitiesByTheme({ activities }: { activities: readonly PlanSummaryActivity[] }) {
  const styles = useStyles();
  const table = useTableStyles();
  const num = mergeClasses(table.td, table.number);
  const head = mergeClasses(table.th, table.number);
  const groups = groupByTheme(activities);
  return (
    <div>
      <Heading level={3} id="plan-activities-heading">
        Activities by theme
      </Heading>
      {groups.length === 0 && <p>No activities yet. Add one below.</p>}
      <div className={styles.themes}>
        {groups.map(({ theme, items }) => (
          <div key={theme}>
            <SubHeading>{theme}</SubHeading>
            <div className={table.wrap}>
              <table className={table.table}>
                <caption className={table.caption}>{`${theme}: days allocated and logged`}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={table.th}>
                      {columns.title.label}
                    </th>
                    <th scope="col" className={table.th}>
                      {columns.status.label}
                    </th>
                    <th scope="col" className={head}>
                      {columns.daysAllocated.label}
                    </th>
                    <th scope="col" className={head}>
                      Days logged
                    </th>
                    <th scope="col" className={table.th}>
                      Balance
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => {
                    const balance = balanceText(a);
                    return (
                      <tr key={a.id}>
                        <th scope="row" className={table.rowHeader}>
                          {a.title}
                        </th>
                        <td className={table.td}>{activityStatusLabels[a.status] ?? a.status}</td>
                        <td className={num}>{formatNumber(a.daysAllocated)}</td>
                        <td className={num}>{formatNumber(a.daysLogged)}</td>
                        <td
                          className={mergeClasses(
                            table.td,
                            balance.startsWith('Overrun') && table.flag,
                          )}
                        >
                          {balance}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                {items.length > 1 && (
                  <tfoot>
                    <tr className={table.total}>
                      <th scope="row" className={table.rowHeader}>
                        Theme total
                      </th>
                      <td className={table.td} />
                      <td className={num}>{formatNumber(sum(items, 'daysAllocated'))}</td>
                      <td className={num}>{formatNumber(sum(items, 'daysLogged'))}</td>
                      <td className={table.td} />
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
