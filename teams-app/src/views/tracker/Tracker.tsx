import { useCallback, useMemo, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { TrackerRow, TrackerView } from '../../../../src/domain/tracker-view';
import { rags, type Rag } from '../../../../src/domain/rag';
import { useApi } from '../../api/ApiContext';
import { downloadFile } from '../../api/download';
import { describeProblem } from '../../api/errors';
import { useResource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { isoDateFromToday } from '../../format/dates';
import { AsAtControl } from './AsAtControl';
import { FiltersBar } from './FiltersBar';
import { RagTotals } from './RagTotals';
import { TrackerTable } from './TrackerTable';
import { filterChoices, filterRows, noFilters, type TrackerFilters } from './trackerFilters';
import { asAtQuery, useAsAt } from './useAsAt';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Partner parts by RAG: the view's own totals, or recounted when filters narrow the rows. */
function countParts(rows: readonly TrackerRow[]): Record<Rag, number> {
  const totals = Object.fromEntries(rags.map((r) => [r, 0])) as Record<Rag, number>;
  for (const row of rows) for (const part of row.partners) totals[part.rag.rag] += 1;
  return totals;
}

/** Read-only view for executives: every recommendation, response and action, with RAG. */
export function Tracker() {
  const styles = useStyles();
  const api = useApi();
  const [asAt, setAsAt] = useAsAt();
  const load = useCallback(
    () => api.get<TrackerView>(`/api/tracker${asAtQuery(asAt)}`),
    [api, asAt],
  );
  const tracker = useResource(load);
  const view = tracker.data;
  const [filters, setFilters] = useState<TrackerFilters>(noFilters);
  const [download, setDownload] = useState<{ busy: boolean; problem?: string }>({ busy: false });

  const allRows = useMemo(() => view?.rows ?? [], [view]);
  const rows = useMemo(() => filterRows(allRows, filters), [allRows, filters]);
  const choices = useMemo(() => (view ? filterChoices(view) : undefined), [view]);
  const filtered = Object.values(filters).some(Boolean);
  const totals = !filtered && view?.totals ? view.totals : countParts(rows);

  const downloadExcel = () => {
    setDownload({ busy: true });
    const name = `tracker-${asAt ?? isoDateFromToday(0)}.xlsx`;
    downloadFile(api, `/api/export/tracker.xlsx${asAtQuery(asAt)}`, name).then(
      () => setDownload({ busy: false }),
      (error: unknown) => setDownload({ busy: false, problem: describeProblem(error).text }),
    );
  };

  return (
    <>
      <Heading level={1} id="tracker-heading">
        Recommendations tracker
      </Heading>
      <AsAtControl
        what="tracker"
        asAt={asAt}
        onChange={setAsAt}
        actions={
          <Button onClick={downloadExcel} disabled={download.busy}>
            {download.busy ? 'Preparing the Excel file…' : 'Download Excel'}
          </Button>
        }
      />
      {download.problem && (
        <p role="alert">Could not download the Excel file: {download.problem}</p>
      )}
      {tracker.problem && <ProblemText problem={tracker.problem} onRetry={tracker.reload} />}
      {tracker.loading && <p role="status">Loading the tracker…</p>}
      {view && allRows.length === 0 && <p>No recommendations to track yet.</p>}
      {view && allRows.length > 0 && choices && (
        <>
          <section aria-labelledby="tracker-totals" className={styles.section}>
            <Heading level={2} id="tracker-totals">
              Totals by RAG
            </Heading>
            <p className={styles.note}>
              Each partner’s part in each recommendation counts once. Red: overdue, or no update for{' '}
              {view.rules?.staleAfterWeeks ?? 6} weeks. Green: done and verified by the scrutineer.
              {view.reach === 'partner' && ' You are seeing your own organisation’s part only.'}
            </p>
            <RagTotals totals={totals} label="Totals by RAG" />
          </section>
          <div className={styles.section}>
            <FiltersBar
              choices={choices}
              filters={filters}
              onChange={setFilters}
              onClear={() => setFilters(noFilters)}
            />
            <p role="status" className={styles.note}>
              {filtered
                ? `Showing ${rows.length} of ${allRows.length} recommendations.`
                : `Showing all ${allRows.length} recommendations.`}
            </p>
          </div>
          {rows.length > 0 ? (
            <TrackerTable rows={rows} labelledBy="tracker-heading" />
          ) : (
            <p>No recommendations match these filters.</p>
          )}
        </>
      )}
    </>
  );
}
