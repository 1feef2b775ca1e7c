import { useCallback } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { Triangulation } from '../../../api/types';
import { useResource } from '../../../api/useResource';
import { ClassBadge } from '../../../components/ClassBadge';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { evidenceSourceColumns, evidenceSourceLabels } from '../../../forms/fields';
import { useTableStyles } from '../tableStyles';
import { sourceCell, triangulationText } from './triangulation';

/** Findings × sources: which kinds of evidence support each finding, with counts. */
export default function TriangulationTable({ version }: { version: number }) {
  const table = useTableStyles();
  const api = useApi();
  const load = useCallback(() => api.get<Triangulation>('/api/findings/triangulation'), [api]);
  const triangulation = useResource(load, version);
  const rows = triangulation.data?.rows ?? [];
  const num = mergeClasses(table.td, table.number);
  const head = mergeClasses(table.th, table.number);
  const single = rows.filter((r) => !r.triangulated).length;

  return (
    <div>
      <Heading level={3} id="triangulation-heading">
        Triangulation
      </Heading>
      {triangulation.problem && (
        <ProblemText problem={triangulation.problem} onRetry={triangulation.reload} />
      )}
      {triangulation.loading && !triangulation.data && <p>Loading triangulation…</p>}
      {triangulation.data && rows.length === 0 && <p>No findings to triangulate yet.</p>}
      {rows.length > 0 && (
        <>
          <p>
            Counts are observations from each source; “Declared only” is a source the finding names
            without a linked observation. A finding is triangulated when more than one kind of
            source supports it.{' '}
            {single === 0
              ? 'Every finding is triangulated.'
              : `${single} of ${rows.length} findings ${single === 1 ? 'is' : 'are'} not triangulated.`}
          </p>
          <div className={table.wrap}>
            <table className={table.table}>
              <caption className={table.caption}>Sources supporting each finding</caption>
              <thead>
                <tr>
                  <th scope="col" className={table.th}>
                    Finding
                  </th>
                  <th scope="col" className={table.th}>
                    Class
                  </th>
                  {evidenceSourceColumns.map((source) => (
                    <th key={source} scope="col" className={head}>
                      {evidenceSourceLabels[source]}
                    </th>
                  ))}
                  <th scope="col" className={table.th}>
                    Triangulation
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.findingId}>
                    <th scope="row" className={table.rowHeader}>
                      {row.title}
                    </th>
                    <td className={table.td}>
                      <ClassBadge value={row.evidenceClass} />
                    </td>
                    {evidenceSourceColumns.map((source) => (
                      <td key={source} className={num}>
                        {sourceCell(row, source)}
                      </td>
                    ))}
                    <td className={mergeClasses(table.td, !row.triangulated && table.flag)}>
                      {triangulationText(row)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
