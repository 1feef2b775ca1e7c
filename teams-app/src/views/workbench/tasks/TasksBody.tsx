import { useCallback } from 'react';
import { Button } from '@fluentui/react-components';
import type { ScrutineerTask } from '../../../../../src/domain/tracker-view';
import { useApi } from '../../../api/ApiContext';
import { useResource } from '../../../api/useResource';
import { ProblemText } from '../../../components/ProblemText';
import { formatDate } from '../../../format/dates';
import type { WorkLink } from '../verification/workLink';
import { useWorkStyles } from '../verification/workStyles';

/** Due impact checks first, then actions to verify (oldest claim first), then checks to come. */
function rank(task: ScrutineerTask): [number, string] {
  if (task.kind === 'verify') return [1, task.since];
  return [task.due ? 0 : 2, task.dueDate];
}

export function orderTasks(tasks: readonly ScrutineerTask[]): ScrutineerTask[] {
  return [...tasks].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]);
  });
}

const taskKey = (task: ScrutineerTask) =>
  task.kind === 'verify' ? `verify-${task.actionId}` : `check-${task.impactCheckId}`;

/** The list behind the Tasks heading (its own chunk). */
export default function TasksBody({ canAct, link }: { canAct: boolean; link: WorkLink }) {
  const styles = useWorkStyles();
  const api = useApi();
  const load = useCallback(
    async () => (await api.get<{ tasks: ScrutineerTask[] }>('/api/tasks')).tasks,
    [api],
  );
  const tasks = useResource(load, link.version);
  const list = orderTasks(tasks.data ?? []);

  return (
    <div className={styles.body}>
      {tasks.problem && <ProblemText problem={tasks.problem} onRetry={tasks.reload} />}
      {tasks.loading && !tasks.data && <p>Loading tasks…</p>}
      {tasks.data && list.length === 0 && (
        <p className={styles.line}>No action awaits verification and no impact check is due.</p>
      )}
      {list.length > 0 && (
        <ul className={styles.list} aria-label="Tasks">
          {list.map((task) => (
            <li key={taskKey(task)} className={styles.item}>
              {task.kind === 'verify' ? (
                <p className={styles.line}>
                  <span className={styles.strong}>Awaiting verification</span>, reported done on{' '}
                  {formatDate(task.since)}
                </p>
              ) : (
                <p className={styles.line}>
                  {task.due && <span className={styles.due}>Due: </span>}
                  <span className={styles.strong}>{task.monthsAfter}-month impact check</span>, due{' '}
                  {formatDate(task.dueDate)}
                </p>
              )}
              <p className={styles.line}>
                {task.recommendationReference}, {task.partnerName}: {task.description}
              </p>
              {canAct && (
                <Button
                  onClick={() =>
                    link.open(
                      task.kind === 'verify'
                        ? { form: 'verify', actionId: task.actionId }
                        : {
                            form: 'impact-outcome',
                            actionId: task.actionId,
                            impactCheckId: task.impactCheckId,
                          },
                    )
                  }
                >
                  {task.kind === 'verify' ? 'Verify' : 'Record the impact check'}
                  <span className={styles.visuallyHidden}>
                    {' '}
                    for {task.recommendationReference}, {task.partnerName}: {task.description}
                  </span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
