import { useCallback, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { PlanSummaryResponse } from '../../../api/types';
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
import { LogDaysForm } from './LogDaysForm';
import { PlanFigures } from './PlanFigures';
import { PlanWarnings } from './PlanWarnings';
import { reportingYearLabel } from './planFormat';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalXL },
  burnDown: { display: 'grid', gap: tokens.spacingVerticalM },
  forms: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
});

/** The current reporting year's plan: figures, burn-down, activities, coverage, and its forms. */
export default function PlanBody({ canWrite }: { canWrite: boolean }) {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(async (): Promise<PlanSummaryResponse | null> => {
    try {
      return await api.get<PlanSummaryResponse>('/api/plans/current/summary');
    } catch (error) {
      // No plan yet is a state to act on, not a failure.
      if (isApiError(error, 404, 'no-plan')) return null;
      throw error;
    }
  }, [api]);
  const plan = useResource(load);
  // Outlives the create form, which is replaced by the plan once it exists.
  const [status, setStatus] = useState<Status | null>(null);

  // Keyed, so React keeps the same live region across both states and the creation is announced.
  const live = (
    <div key="live">
      <StatusArea status={status} />
    </div>
  );
  if (plan.problem && plan.data === undefined) {
    return <ProblemText problem={plan.problem} onRetry={plan.reload} />;
  }
  if (plan.data === undefined) return <p>Loading the scrutiny plan…</p>;
  if (plan.data === null) {
    return (
      <div className={styles.body}>
        {canWrite ? (
          <CreatePlanForm
            onCreated={(created) => {
              setStatus({
                kind: 'success',
                text: `Scrutiny plan for ${reportingYearLabel(created.reportingYear)} created.`,
              });
              plan.reload();
            }}
          />
        ) : (
          <p>There is no scrutiny plan for this reporting year yet.</p>
        )}
        {live}
      </div>
    );
  }

  const { plan: item, summary } = plan.data;
  const themes = [...new Set(summary.activities.map((a) => a.theme))];
  return (
    <div className={styles.body}>
      {plan.problem && <ProblemText problem={plan.problem} onRetry={plan.reload} />}
      <p>
        Reporting year {reportingYearLabel(summary.reportingYear)}: {formatDate(summary.start)} to{' '}
        {formatDate(summary.end)}.
      </p>
      <PlanFigures summary={summary} />
      <PlanWarnings warnings={summary.warnings} />
      <div className={styles.burnDown}>
        <Heading level={3}>Burn-down</Heading>
        <BurnDownChart summary={summary} />
        <BurnDownTable months={summary.burnDown} />
      </div>
      <ActivitiesByTheme activities={summary.activities} />
      <CoverageTables coverage={summary.coverage} />
      {canWrite && (
        <div className={styles.forms}>
          <LogDaysForm activities={summary.activities} onLogged={plan.reload} />
          <AddActivityForm planId={item.id} themes={themes} onAdded={plan.reload} />
        </div>
      )}
      {live}
    </div>
  );
}
