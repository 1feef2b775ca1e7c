import { lazy, Suspense } from 'react';
import type { Me } from '../../../api/types';
import type { Resource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { hasAnyRole, scrutineerOrBusinessUnit } from '../roles';
import { canWrite } from '../useMe';
import type { WorkLink } from '../verification/workLink';
import { useWorkStyles } from '../verification/workStyles';

const TasksBody = lazy(() => import('./TasksBody'));

/** Whether the tasks list is for this person (the server refuses it to everyone else). */
export const maySeeTasks = (me: Resource<Me>) => hasAnyRole(me, scrutineerOrBusinessUnit);

/** Actions awaiting verification and impact checks, each opening its form in Verification. */
export function TasksSection({ me, link }: { me: Resource<Me>; link: WorkLink }) {
  const styles = useWorkStyles();
  if (!maySeeTasks(me)) return null;
  return (
    <section aria-labelledby="tasks-heading" id="tasks" tabIndex={-1} className={styles.section}>
      <Heading level={2} id="tasks-heading">
        Tasks
      </Heading>
      <Suspense fallback={<p>Loading tasks…</p>}>
        <TasksBody canAct={canWrite(me)} link={link} />
      </Suspense>
    </section>
  );
}
