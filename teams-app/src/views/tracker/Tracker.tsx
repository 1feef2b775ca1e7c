import { useCallback } from 'react';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { Tracker as TrackerData } from '../../api/types';
import { useResource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { recommendationColumns, responseColumns } from '../../forms/fields';
import { trackerLines, type TrackerLine } from './trackerLines';

const columns: { key: keyof Omit<TrackerLine, 'key'>; label: string }[] = [
  { key: 'reference', label: recommendationColumns.reference.label },
  { key: 'recommendation', label: recommendationColumns.text.label },
  { key: 'priority', label: recommendationColumns.priority.label },
  { key: 'due', label: 'Due' },
  { key: 'partner', label: 'Partner' },
  { key: 'response', label: 'Response' },
  { key: 'rationale', label: responseColumns.rationale.label },
  { key: 'responded', label: responseColumns.respondedAt.label },
];

// Under this width each line becomes a stacked card with its own labels, so nothing scrolls sideways.
const NARROW = '@media (max-width: 40rem)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', [NARROW]: { display: 'block' } },
  header: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  body: { [NARROW]: { display: 'block' } },
  row: {
    verticalAlign: 'top',
    [NARROW]: {
      display: 'block',
      paddingTop: tokens.spacingVerticalS,
      paddingBottom: tokens.spacingVerticalS,
    },
  },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    // break-word (not anywhere) so columns size to whole words and only overlong ones break.
    overflowWrap: 'break-word',
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: '9rem 1fr',
      columnGap: tokens.spacingHorizontalS,
      // Fluent gives cells a fixed row height; stacked cells must grow with their text.
      height: 'auto',
      minHeight: 0,
      paddingTop: tokens.spacingVerticalXXS,
      paddingBottom: tokens.spacingVerticalXXS,
      '::before': { content: 'attr(data-label)', fontWeight: tokens.fontWeightSemibold },
    },
  },
});

/** Read-only view for executives: every named partner's response to every recommendation. */
export function Tracker() {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(() => api.get<TrackerData>('/api/tracker'), [api]);
  const tracker = useResource(load);
  const lines = trackerLines(tracker.data?.rows ?? []);

  return (
    <>
      <Heading level={1} id="tracker-heading">
        Recommendations tracker
      </Heading>
      {tracker.problem && <ProblemText problem={tracker.problem} onRetry={tracker.reload} />}
      {tracker.loading && !tracker.data && <p role="status">Loading the tracker…</p>}
      {tracker.data && lines.length === 0 && <p>No recommendations to track yet.</p>}
      {lines.length > 0 && (
        <Table aria-labelledby="tracker-heading" className={styles.table}>
          <TableHeader className={styles.header}>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column.key}>{column.label}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody className={styles.body}>
            {lines.map((line) => (
              <TableRow key={line.key} className={styles.row}>
                {columns.map((column) => (
                  <TableCell key={column.key} className={styles.cell} data-label={column.label}>
                    {line[column.key]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
