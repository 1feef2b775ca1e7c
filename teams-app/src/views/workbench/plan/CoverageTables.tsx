import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CoverageRow, PlanSummary } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { lineOfEnquiryLabels, scrutinyFunctionLabels } from '../../../forms/fields';
import { useTableStyles } from '../tableStyles';
import { formatNumber } from './planFormat';

const useStyles = makeStyles({
  tables: { display: 'grid', gap: tokens.spacingVerticalL },
});

/** The coverage in words: a gap is said, not only coloured. */
export function coverageText(row: CoverageRow<string>): string {
  // The year's own records (disagreements under function 6) are said beside the plan's cover.
  const records = row.records ? `; ${row.records.count} ${row.records.label}` : '';
  if (row.gap && row.activities === 0) return `Gap: no activity${records}`;
  if (row.gap) return `Gap: no days logged${records}`;
  return `Covered${records}`;
}

interface CoverageTableProps {
  caption: string;
  rowHeader: string;
  rows: readonly CoverageRow<string>[];
  labels: Record<string, string>;
}

function CoverageTable({ caption, rowHeader, rows, labels }: CoverageTableProps) {
  const table = useTableStyles();
  const num = mergeClasses(table.td, table.number);
  const head = mergeClasses(table.th, table.number);
  const gaps = rows.filter((r) => r.gap).length;
  return (
    <div className={table.wrap}>
      <table className={table.table}>
        <caption className={table.caption}>
          {`${caption}: ${gaps === 0 ? 'no gaps' : `${gaps} of ${rows.length} with a gap`}`}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {rowHeader}
            </th>
            <th scope="col" className={head}>
              Activities
            </th>
            <th scope="col" className={head}>
              Days allocated
            </th>
            <th scope="col" className={head}>
              Days logged
            </th>
            <th scope="col" className={table.th}>
              Coverage
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={table.rowHeader}>
                {labels[row.key] ?? row.label}
              </th>
              <td className={num}>{formatNumber(row.activities)}</td>
              <td className={num}>{formatNumber(row.daysAllocated)}</td>
              <td className={num}>{formatNumber(row.daysLogged)}</td>
              <td className={mergeClasses(table.td, row.gap ? table.flag : table.ok)}>
                {coverageText(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How the plan covers Working Together's seven functions and the lines of enquiry. */
export function CoverageTables({ coverage }: { coverage: PlanSummary['coverage'] }) {
  const styles = useStyles();
  return (
    <div className={styles.tables}>
      <Heading level={3}>Coverage</Heading>
      <CoverageTable
        caption="Scrutiny functions"
        rowHeader="Function"
        rows={coverage.functions}
        labels={scrutinyFunctionLabels}
      />
      <CoverageTable
        caption="Lines of enquiry"
        rowHeader="Line of enquiry"
        rows={coverage.linesOfEnquiry}
        labels={lineOfEnquiryLabels}
      />
    </div>
  );
}
