import { useCallback, useEffect, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { ObservationItem } from '../../api/types';
import { usePartners } from '../../api/usePartners';
import { useResource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { formatTime } from '../../format/dates';
import { useHost } from '../../host/HostContext';
import { useMeetingLookup } from '../../meetings/useMeetingLookup';
import { groupByClass } from './groupByClass';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXL },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  // Read from across a room: large type, generous line height.
  item: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  partners: {
    display: 'block',
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorNeutralForeground2,
  },
  empty: { fontSize: tokens.fontSizeBase400 },
});

/** The stage is shared with everyone in the meeting, so it refreshes itself. */
const REFRESH_MS = 30_000;

/**
 * Meeting stage: a read-only "What I heard" summary of this meeting's observations, grouped by
 * class. Shows the text and partner names only: nothing about who wrote it or when it changed.
 */
export function StageView() {
  const styles = useStyles();
  const api = useApi();
  const host = useHost();
  const partners = usePartners();
  const [tick, setTick] = useState(0);
  const meeting = useMeetingLookup(host.meetingId, tick);
  const meetingId = meeting.data?.id;
  const load = useCallback(async () => {
    if (!meetingId) return [];
    const items = await api.getItems<ObservationItem>(
      `/api/observations?meetingId=${encodeURIComponent(meetingId)}`,
    );
    // Filter here too, in case the server ignores the query.
    return items.filter((item) => item.meetingId === meetingId);
  }, [api, meetingId]);
  const observations = useResource(load, tick);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);

  useEffect(() => {
    if (!host.meetingId) return;
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [host.meetingId]);

  useEffect(() => {
    if (observations.data) setUpdatedAt(new Date().toISOString());
  }, [observations.data]);

  const refresh = () => setTick((t) => t + 1);
  const names = new Map((partners.data ?? []).map((p) => [p.id, p.name]));
  const groups = groupByClass(observations.data ?? []);
  const total = groups.reduce((n, g) => n + g.items.length, 0);

  return (
    <div className={styles.root}>
      <Heading level={1}>What I heard</Heading>
      {!host.meetingId && <p>Open this view on the stage of a Teams meeting.</p>}
      {meeting.problem && <ProblemText problem={meeting.problem} onRetry={refresh} />}
      {observations.problem && <ProblemText problem={observations.problem} onRetry={refresh} />}
      {host.meetingId && (
        <div className={styles.bar}>
          <Button onClick={refresh}>Refresh</Button>
          {updatedAt && <span>Updated {formatTime(updatedAt)}; refreshes every 30 seconds.</span>}
        </div>
      )}
      {host.meetingId && !meeting.loading && total === 0 && !observations.loading && (
        <p className={styles.empty}>Nothing noted in this meeting yet.</p>
      )}
      {total > 0 &&
        groups.map((group) => (
          <section key={group.value} aria-labelledby={`stage-${group.value}`}>
            <Heading level={2} id={`stage-${group.value}`}>
              {`${group.label} (${group.items.length})`}
            </Heading>
            {group.items.length === 0 ? (
              <p className={styles.empty}>None yet.</p>
            ) : (
              <ul className={styles.list}>
                {group.items.map((item) => {
                  const partnerNames = (item.partnerIds ?? [])
                    .map((id) => names.get(id))
                    .filter((n): n is string => Boolean(n));
                  return (
                    <li key={item.id} className={styles.item}>
                      {item.text}
                      {partnerNames.length > 0 && (
                        <span className={styles.partners}>Partners: {partnerNames.join(', ')}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
    </div>
  );
}
