import { useCallback, useState } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { reportingYearOf, yearLabel } from '../../../../../src/domain/plan-year';
import { useApi } from '../../../api/ApiContext';
import { useResource } from '../../../api/useResource';
import { ProblemText } from '../../../components/ProblemText';
import { formatDate, isoDateFromToday } from '../../../format/dates';
import { useWorkStyles } from '../verification/workStyles';
import { ChecklistList } from './ChecklistList';
import { DistributionLog } from './DistributionLog';
import { Downloads } from './Downloads';
import { getChecklist, type YearlyReportItem } from './reportApi';
import { StatementPanel } from './StatementPanel';

/** The current reporting year and the three before it, newest first. */
export function offeredYears(current: number): number[] {
  return [current, current - 1, current - 2, current - 3];
}

interface ReportBodyProps {
  /** The scrutineer: writes the summary and signs off. */
  canWrite: boolean;
  /** The scrutineer and the business unit record where the statement went. */
  canRecordSent: boolean;
}

/** The yearly report's body (its own chunk). */
export default function ReportBody({ canWrite, canRecordSent }: ReportBodyProps) {
  const styles = useWorkStyles();
  const api = useApi();
  const current = reportingYearOf(isoDateFromToday(0));
  const [year, setYear] = useState(current);
  const [version, setVersion] = useState(0);
  // Typed summaries by year: kept through failures, reloads and changes of year.
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const load = useCallback(() => getChecklist(api, year), [api, year]);
  const checklist = useResource(load, version);
  const reload = () => setVersion((v) => v + 1);
  // The data is for the year asked for only once it has loaded.
  const data = checklist.data;
  const report: YearlyReportItem | null = data?.report ?? null;

  return (
    <div className={styles.body}>
      <Field label="Reporting year" hint="Each runs from 1 April to 31 March.">
        <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
          {offeredYears(current).map((y) => (
            <option key={y} value={y}>
              {yearLabel(y)}
              {y === current ? ' (current)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      {checklist.problem && <ProblemText problem={checklist.problem} onRetry={checklist.reload} />}
      {checklist.loading && <p className={styles.line}>Loading {yearLabel(year)}…</p>}
      {data && !checklist.loading && (
        <>
          <p className={styles.line}>
            The statement for {yearLabel(year)} covers {formatDate(data.period.from)} to{' '}
            {formatDate(data.period.to)}.
          </p>
          <ChecklistList sections={data.sections} />
          <StatementPanel
            key={year}
            year={year}
            report={report}
            canWrite={canWrite}
            draft={drafts[year] ?? report?.summaryJudgement ?? ''}
            onDraft={(text) => setDrafts((d) => ({ ...d, [year]: text }))}
            onChanged={reload}
          />
          <DistributionLog
            year={year}
            signedOff={report?.status === 'signed-off'}
            distributions={data.distributions}
            canRecord={canRecordSent}
            onRecorded={reload}
          />
        </>
      )}
      <Downloads year={year} />
    </div>
  );
}
