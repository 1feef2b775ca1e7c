import { useEffect, useRef, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { usePartners } from '../../api/usePartners';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { StatusArea, type Status } from '../../components/StatusArea';
import { useHost } from '../../host/HostContext';
import { useTeamsMeeting } from '../../meetings/useTeamsMeeting';
import { defaultStore } from '../../outbox/defaultStore';
import type { OutboxStore } from '../../outbox/types';
import { useOutbox } from '../../outbox/useOutbox';
import { MeetingPicker } from './MeetingPicker';
import { ObservationForm, type MeetingLink } from './ObservationForm';
import { OutboxPanel } from './OutboxPanel';
import { statusFor } from './outboxStatus';
import { RecentList } from './RecentList';
import { ShareToStageButton } from './ShareToStageButton';
import { useRecentObservations } from './useRecentObservations';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '40rem' },
});

/** Filing observations while a meeting runs: built for the ~320px meeting side panel. */
export function SidePanel({ store = defaultStore() }: { store?: OutboxStore }) {
  const styles = useStyles();
  const host = useHost();
  const partners = usePartners();
  const teamsMeeting = useTeamsMeeting(host.meetingId, host.inTeams);
  const { outbox, snapshot } = useOutbox(store);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [chosenMeetingId, setChosenMeetingId] = useState('');
  const [status, setStatus] = useState<Status | null>(null);

  const inMeeting = Boolean(host.meetingId);
  const scope = host.meetingId ? `teams:${host.meetingId}` : 'standalone';
  const meetingId = inMeeting ? teamsMeeting.record.data?.id : chosenMeetingId || undefined;
  const link: MeetingLink = inMeeting
    ? meetingId
      ? { meetingId }
      : { teamsMeeting: teamsMeeting.ref }
    : { meetingId };
  const recent = useRecentObservations(meetingId);
  const { remember } = recent;

  useEffect(
    () =>
      outbox.onEvent((event) => {
        if (event.type === 'sent' && event.item) remember(event.item);
        const next = statusFor(event);
        if (next) setStatus(next);
      }),
    [outbox, remember],
  );

  const record = teamsMeeting.record;
  return (
    <div className={styles.root}>
      <Heading level={1}>File an observation</Heading>
      {inMeeting ? (
        record.problem ? (
          <ProblemText
            problem={{
              text: `This meeting is not linked yet (${record.problem.text}). Observations you save are kept on this device and linked when they are sent.`,
              details: [],
            }}
            onRetry={record.reload}
          />
        ) : (
          <p>
            {!teamsMeeting.settled || record.loading
              ? 'Linking this meeting…'
              : `Meeting: ${record.data?.title ?? ''}`}
          </p>
        )
      ) : (
        <MeetingPicker value={chosenMeetingId} onChange={setChosenMeetingId} />
      )}
      {partners.problem && <ProblemText problem={partners.problem} onRetry={partners.reload} />}
      <ObservationForm
        partners={partners.data ?? []}
        scope={scope}
        link={link}
        store={store}
        outbox={outbox}
        onStatus={setStatus}
        textRef={textRef}
      />
      <StatusArea status={status} />
      {inMeeting && host.frameContext === 'sidePanel' && (
        <ShareToStageButton onStatus={setStatus} />
      )}
      <OutboxPanel
        snapshot={snapshot}
        outbox={outbox}
        partners={partners.data ?? []}
        onDone={(text) => {
          setStatus({ kind: 'info', text });
          textRef.current?.focus();
        }}
      />
      <RecentList
        items={recent.items}
        entries={snapshot.entries.filter((e) => e.scope === scope)}
        partners={partners.data ?? []}
        problem={recent.problem}
        onRetry={recent.reload}
        onSaved={remember}
        onStale={(id) => {
          recent.forget(id);
          recent.reload();
        }}
        onStatus={setStatus}
      />
    </div>
  );
}
