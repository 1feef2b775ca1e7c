import { mergeClasses } from '@fluentui/react-components';
import type { BurnDownMonth } from '../../../api/types';
import { useTableStyles } from '../tableStyles';
import { formatMonth, formatNumber } from './planFormat';

const shown = (value: number | null) => (value === null ? 'Not yet' : formatNumber(value));

/** The burn-down's figures, month by month: the chart's full text alternative. */
export function BurnDownTable({ months }: { months: readonly BurnDownMonth[] }) {
  const styles = useTableStyles();
  const num = mergeClasses(styles.td, styles.number);
  const head = mergeClasses(styles.th, styles.number);
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>Burn-down by month (days)</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              Month
            </th>
            <th scope="col" className={head}>
              Logged in month
            </th>
            <th scope="col" className={head}>
              Logged to date
            </th>
            <th scope="col" className={head}>
              Remaining
            </th>
            <th scope="col" className={head}>
              Ideal remaining
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => {
            const future = m.cumulative === null;
            return (
              <tr key={m.month}>
                <th scope="row" className={styles.rowHeader}>
                  {formatMonth(m.month)}
                </th>
                <td className={num}>{future ? 'Not yet' : shown(m.logged)}</td>
                <td className={num}>{shown(m.cumulative)}</td>
                <td className={num}>{shown(m.remaining)}</td>
                <td className={num}>{formatNumber(m.ideal)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
