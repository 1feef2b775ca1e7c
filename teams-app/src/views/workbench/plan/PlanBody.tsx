import { Fragment, useCallback, useState, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import { reportingYearOf as yearContaining, yearLabel } from '../../../../../src/domain/plan-year';
import type { PlanItem, PlanSummary, PlanSummaryResponse } from '../../../api/types';
import { useResource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { isApiError } from '../formProblem';
import { ActivitiesByTheme } from './ActivitiesByTheme';
import { AddActivityForm } from './AddActivityForm';
import { BurnDownChart } from './BurnDownChart';
import { BurnDownTable } from './BurnDownTable';
import { CoverageTables } from './CoverageTables';
import { CreatePlanForm } from './CreatePlanForm';
import { DayBudgetEditor } from './DayBudgetEditor';
import { LogDaysForm } from './LogDaysForm';
import { PlanFigures } from './PlanFigures';
import { PlanWarnings } from './PlanWarnings';
import { reportingYearLabel, reportingYearOf } from './planFormat';
import { ReportingYearPicker } from './ReportingYearPicker';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalXL },
  burnDown: { display: 'grid', gap: tokens.spacingVerticalM },
  budget: { display: 'grid', gap: tokens.spacingVerticalM },
  year: { margin: 0 },
  readOnly: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  forms: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
});

/** What was asked for (null: the year containing today) and what came back (null: no plan). */
interface Loaded {
  year: number | null;
  response: PlanSummaryResponse | null;
}

type Phase = 'open' | 'closed' | 'not-started';

/** Where the year stands on the server's today: only the open year can be changed. */
export function phaseOf(summary: PlanSummary): Phase {
  if (summary.today > summary.end) return 'closed';
  if (summary.today < summary.start) return 'not-started';
  return 'open';
}

/** The sentence that says a year is read-only, or null for the open year. */
export function readOnlyText(summary: PlanSummary): string | null {
  const label = summary.label || yearLabel(summary.reportingYear);
  switch (phaseOf(summary)) {
    case 'closed':
      return `${label} is closed: figures are final.`;
    case 'not-started':
      return `${label} has not started: it is read-only until ${formatDate(summary.start)}.`;
    default:
      return null;
  }
}

/**
 * A reporting year's plan: figures, burn-down, activities, coverage, and its forms. It opens on the
 * year containing today; earlier years can be chosen and are shown read-only.
 */
export default function PlanBody({ canWrite }: { canWrite: boolean }) {
  const styles = useStyles();
  const api = useApi();
  // null follows the year containing today (as the server reckons it).
  const [year, setYear] = useState<number | null>(null);
  const [switched, setSwitched] = useState(false);
  const load = useCallback(async (): Promise<Loaded> => {
    const path = year === null ? 'current' : String(year);
    try {
      return { year, response: await api.get<PlanSummaryResponse>(`/api/plans/${path}/summary`) };
    } catch (error) {
      // No plan yet is a state to act on, not a failure.
      if (isApiError(error, 404, 'no-plan')) return { year, response: null };
      throw error;
    }
  }, [api, year]);
  const plan = useResource(load);
  const loadPlans = useCallback(() => api.getItems<PlanItem>('/api/plans'), [api]);
  const [plansVersion, setPlansVersion] = useState(0);
  const plans = useResource(loadPlans, plansVersion);
  // Outlives the create form, which is replaced by the plan once it exists.
  const [status, setStatus] = useState<Status | null>(null);

  const loaded = plan.data;
  const shown = loaded && loaded.year === year ? loaded : undefined;
  // The server's today decides the current year; the device's clock only when there is no plan.
  const today = loaded?.response?.summary.today;
  const currentYear = today ? yearContaining(today) : reportingYearOf();
  const shownYear = year ?? currentYear;

  const choose = (chosen: number) => {
    setSwitched(true);
    setStatus(null);
    setYear(chosen === currentYear ? null : chosen);
  };

  const announcement = (() => {
    if (!switched || !shown) return '';
    if (!shown.response) return `There is no scrutiny plan for ${yearLabel(shownYear)}.`;
    const { summary } = shown.response;
    return [`Showing the plan for ${summary.label}.`, readOnlyText(summary)]
      .filter(Boolean)
      .join(' ');
  })();

  // Keyed, so React keeps the same live region across every state and the creation is announced.
  const live = (
    <div key="live">
      <StatusArea status={status} />
    </div>
  );
  const picker =
    loaded !== undefined && plans.data ? (
      <ReportingYearPicker
        key="years"
        years={plans.data.map((p) => p.reportingYear)}
        currentYear={currentYear}
        value={shownYear}
        onChange={choose}
        announcement={announcement}
      />
    ) : plans.problem && loaded !== undefined ? (
      <div key="years">
        <p>The list of reporting years could not be loaded, so only this year is shown.</p>
        <ProblemText problem={plans.problem} onRetry={plans.reload} />
      </div>
    ) : null;

  let content: ReactNode;
  if (!shown) {
    content =
      plan.problem && !plan.loading ? (
        <ProblemText problem={plan.problem} onRetry={plan.reload} />
      ) : (
        <p>
          {year === null
            ? 'Loading the scrutiny plan…'
            : `Loading the scrutiny plan for ${yearLabel(year)}…`}
        </p>
      );
  } else if (shown.response === null) {
    content =
      year !== null ? (
        <p>There is no scrutiny plan for {yearLabel(year)}.</p>
      ) : canWrite ? (
        <CreatePlanForm
          onCreated={(created) => {
            setStatus({
              kind: 'success',
              text: `Scrutiny plan for ${reportingYearLabel(created.reportingYear)} created.`,
            });
            plan.reload();
            setPlansVersion((v) => v + 1);
          }}
        />
      ) : (
        <p>There is no scrutiny plan for this reporting year yet.</p>
      );
  } else {
    const { plan: item, summary, activities } = shown.response;
    const themes = [...new Set(summary.activities.map((a) => a.theme))];
    const readOnly = readOnlyText(summary);
    // Writes only in the year containing today (the server refuses day logs outside it anyway).
    const writable = canWrite && readOnly === null;
    content = (
      <>
        {plan.problem && <ProblemText problem={plan.problem} onRetry={plan.reload} />}
        <div>
          <p className={styles.year}>
            Reporting year {reportingYearLabel(summary.reportingYear)}: {formatDate(summary.start)}{' '}
            to {formatDate(summary.end)}.
          </p>
          {readOnly && <p className={styles.readOnly}>{readOnly}</p>}
        </div>
        <div className={styles.budget}>
          <PlanFigures summary={summary} />
          {writable && <DayBudgetEditor plan={item} onChanged={plan.reload} />}
        </div>
        <PlanWarnings warnings={summary.warnings} />
        <div className={styles.burnDown}>
          <Heading level={3}>Burn-down</Heading>
          <BurnDownChart summary={summary} />
          <BurnDownTable months={summary.burnDown} />
        </div>
        <ActivitiesByTheme
          activities={summary.activities}
          items={activities}
          canEdit={writable}
          onChanged={plan.reload}
        />
        <CoverageTables coverage={summary.coverage} />
        {writable && (
          <div className={styles.forms}>
            <LogDaysForm activities={summary.activities} onLogged={plan.reload} />
            <AddActivityForm planId={item.id} themes={themes} onAdded={plan.reload} />
          </div>
        )}
      </>
    );
  }

  return (
    <div className={styles.body}>
      {picker}
      {/* Keyed by year, so nothing typed for one year's plan is carried into another's. */}
      <Fragment key={`year-${year ?? 'current'}`}>{content}</Fragment>
      {live}
    </div>
  );
}
