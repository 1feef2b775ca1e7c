import { makeStyles, tokens } from '@fluentui/react-components';

export interface TableData {
  columns: string[];
  /** The first cell of each row is its header (the partner, theme, band…). */
  rows: string[][];
}

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    marginTop: tokens.spacingVerticalS,
    '& th, & td': {
      textAlign: 'left',
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      paddingLeft: tokens.spacingHorizontalS,
      paddingRight: tokens.spacingHorizontalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& td': { fontVariantNumeric: 'tabular-nums' },
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
});

/** The chart's numbers as a real table (the chart's text alternative in full). */
export function DataTable({ id, caption, data }: { id: string; caption: string; data: TableData }) {
  const styles = useStyles();
  return (
    <table id={id} className={styles.table}>
      <caption className={styles.caption}>{caption}: the figures</caption>
      <thead>
        <tr>
          {data.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
