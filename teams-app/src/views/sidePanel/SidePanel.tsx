import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ObservationItem } from '../../api/types';
import { usePartners } from '../../api/usePartners';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { useHost } from '../../host/HostContext';
import { MeetingPicker } from './MeetingPicker';
import { ObservationForm } from './ObservationForm';
import { RecentList } from './RecentList';
import { useTeamsMeeting } from '../../meetings/useTeamsMeeting';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '40rem' },
});

const RECENT_LIMIT = 10;

/** Filing observations while a meeting runs: built for the ~320px meeting side panel. */
export function SidePanel() {
  const styles = useStyles();
  const host = useHost();
  const partners = usePartners();
  const teamsMeeting = useTeamsMeeting(host.meetingId);
  const [chosenMeetingId, setChosenMeetingId] = useState('');
  const [recent, setRecent] = useState<ObservationItem[]>([]);

  const meetingId = host.meetingId ? teamsMeeting.data?.id : chosenMeetingId || undefined;

  return (
    <div className={styles.root}>
      <Heading level={1}>File an observation</Heading>
      {host.meetingId ? (
        teamsMeeting.problem ? (
          <ProblemText
            problem={{
              text: `This meeting could not be linked (${teamsMeeting.problem.text}). Observations saved now will not be linked to it.`,
              details: [],
            }}
            onRetry={teamsMeeting.reload}
          />
        ) : (
          <p>
            {teamsMeeting.loading
              ? 'Linking this meeting…'
              : `Meeting: ${teamsMeeting.data?.title ?? ''}`}
          </p>
        )
      ) : (
        <MeetingPicker value={chosenMeetingId} onChange={setChosenMeetingId} />
      )}
      {partners.problem && <ProblemText problem={partners.problem} onRetry={partners.reload} />}
      <ObservationForm
        partners={partners.data ?? []}
        meetingId={meetingId}
        onSaved={(item) => setRecent((items) => [item, ...items].slice(0, RECENT_LIMIT))}
      />
      <RecentList items={recent} />
    </div>
  );
}
