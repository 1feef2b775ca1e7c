import { useCallback, useEffect } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { ObservationItem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { formatTime } from '../../format/dates';
import { useHost } from '../../host/HostContext';
import { useTeamsMeeting } from '../../meetings/useTeamsMeeting';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The stage is shared with everyone in the meeting, so refresh quietly rather than on demand only. */
const REFRESH_MS = 30_000;

/** Meeting stage: a read-only list of what the scrutineer heard in this meeting. */
export function StageView() {
  const styles = useStyles();
  const api = useApi();
  const host = useHost();
  const meeting = useTeamsMeeting(host.meetingId);
  const meetingId = meeting.data?.id;
  const load = useCallback(async () => {
    if (!meetingId) return [];
    const items = await api.getItems<ObservationItem>(
      `/api/observations?meetingId=${encodeURIComponent(meetingId)}`,
    );
    // Filter here too, in case the server ignores the query.
    return items.filter((item) => item.meetingId === meetingId);
  }, [api, meetingId]);
  const observations = useResource(load);
  const { reload } = observations;

  useEffect(() => {
    if (!meetingId) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [meetingId, reload]);

  const items = observations.data ?? [];
  return (
    <>
      <Heading level={1}>What I heard</Heading>
      {!host.meetingId && <p>Open this view on the stage of a Teams meeting.</p>}
      {meeting.problem && <ProblemText problem={meeting.problem} onRetry={meeting.reload} />}
      {observations.problem && <ProblemText problem={observations.problem} onRetry={reload} />}
      {meetingId && (
        <p>
          <Button onClick={reload}>Refresh</Button>
        </p>
      )}
      {meetingId && observations.data && items.length === 0 && (
        <p>Nothing noted in this meeting yet.</p>
      )}
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item}>
            <span className={styles.meta}>
              <ClassBadge value={item.evidenceClass} />
              {item.observedAt && (
                <time dateTime={item.observedAt}>{formatTime(item.observedAt)}</time>
              )}
            </span>
            {item.text}
          </li>
        ))}
      </ul>
    </>
  );
}
