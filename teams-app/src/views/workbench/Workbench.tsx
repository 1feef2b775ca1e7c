import { lazy, Suspense, useCallback, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { FindingItem } from '../../api/types';
import { usePartners } from '../../api/usePartners';
import { useResource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { FindingsSection } from './FindingsSection';
import { ObservationsInbox } from './ObservationsInbox';
import { RecommendationsSection } from './RecommendationsSection';
import { maySeeReminders } from './reminders/access';
import { RemindersSection } from './RemindersSection';
import { SlgSection } from './SlgSection';
import { maySeeTasks, TasksSection } from './tasks/TasksSection';
import { ReportSection } from './report/ReportSection';
import { VerificationSection } from './verification/VerificationSection';
import { useWorkLink } from './verification/workLink';
import { canWrite, useMe } from './useMe';
import { hasAnyRole, scrutineerOrBusinessUnit } from './roles';
import { WorkbenchNav } from './WorkbenchNav';

// The plan (chart, tables, forms) is its own chunk, so the rest of the workbench is usable first.
const PlanBody = lazy(() => import('./plan/PlanBody'));
const CaseReviewsSection = lazy(() => import('./caseReviews/CaseReviewsSection'));
const DisagreementsSection = lazy(() => import('./disagreements/DisagreementsSection'));
// The audit trail is read rarely, by two roles: its own chunk.
const AuditSection = lazy(() => import('./audit/AuditSection'));

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXXL },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
});

/**
 * The scrutineer’s personal tab: plan, observations → findings → recommendations → SLG items, and
 * reminders for the scrutineer and the business unit.
 */
export function Workbench() {
  const styles = useStyles();
  const api = useApi();
  const partners = usePartners();
  const me = useMe();
  const writer = canWrite(me);
  const reminders = maySeeReminders(me);
  const audit = me.data !== undefined && hasAnyRole(me, scrutineerOrBusinessUnit);
  // Tasks open their forms in Verification; both read again after the scrutineer acts.
  const work = useWorkLink();
  // Bumped after a change so the sections downstream reload.
  const [findingsVersion, setFindingsVersion] = useState(0);
  const [recommendationsVersion, setRecommendationsVersion] = useState(0);
  const loadFindings = useCallback(() => api.getItems<FindingItem>('/api/findings'), [api]);
  const findings = useResource(loadFindings, findingsVersion);
  const partnerList = partners.data ?? [];
  const findingList = findings.data ?? [];

  return (
    <div className={styles.root}>
      <div>
        <Heading level={1}>Workbench</Heading>
        <WorkbenchNav reminders={reminders} tasks={maySeeTasks(me)} audit={audit} />
      </div>
      {partners.problem && <ProblemText problem={partners.problem} onRetry={partners.reload} />}
      <TasksSection me={me} link={work} />
      <section aria-labelledby="plan-heading" id="plan" tabIndex={-1} className={styles.section}>
        <Heading level={2} id="plan-heading">
          Scrutiny plan
        </Heading>
        <Suspense fallback={<p>Loading the scrutiny plan…</p>}>
          <PlanBody canWrite={writer} />
        </Suspense>
      </section>
      <ObservationsInbox
        findings={findingList}
        onFindingsChanged={() => setFindingsVersion((v) => v + 1)}
      />
      <FindingsSection
        findings={findings}
        partners={partnerList}
        version={findingsVersion}
        onRecommendationSaved={() => setRecommendationsVersion((v) => v + 1)}
      />
      <RecommendationsSection
        version={recommendationsVersion}
        partners={partnerList}
        findings={findingList}
        me={me}
        canWrite={writer}
      />
      <SlgSection me={me} />
      <VerificationSection me={me} link={work} />
      <Suspense fallback={<p>Loading case reviews and disagreements…</p>}>
        <CaseReviewsSection me={me} />
        <DisagreementsSection me={me} partners={partnerList} />
      </Suspense>
      <ReportSection me={me} />
      {reminders && <RemindersSection me={me} />}
      {audit && (
        <Suspense fallback={<p>Loading the audit trail…</p>}>
          <AuditSection />
        </Suspense>
      )}
    </div>
  );
}
