import { lazy, Suspense } from 'react';
import type { Me } from '../../../api/types';
import type { Resource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { hasAnyRole, scrutineerOrBusinessUnit } from '../roles';
import { canWrite } from '../useMe';
import { useWorkStyles } from '../verification/workStyles';

const ReportBody = lazy(() => import('./ReportBody'));

/** The Independent Scrutineer's yearly statement: checklist, summary, sign-off, distribution. */
export function ReportSection({ me }: { me: Resource<Me> }) {
  const styles = useWorkStyles();
  return (
    <section
      aria-labelledby="yearly-report-heading"
      id="yearly-report"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="yearly-report-heading">
        Yearly report
      </Heading>
      <Suspense fallback={<p>Loading the yearly report…</p>}>
        <ReportBody
          canWrite={canWrite(me)}
          canRecordSent={hasAnyRole(me, scrutineerOrBusinessUnit)}
        />
      </Suspense>
    </section>
  );
}
