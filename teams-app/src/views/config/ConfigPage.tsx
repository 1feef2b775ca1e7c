import { useEffect } from 'react';
import { pages } from '@microsoft/teams-js';
import { Heading } from '../../components/Heading';
import { useHost } from '../../host/HostContext';

export const TAB_NAME = 'Critical Friend';

/** Where the tab should point: the observation panel in meetings, the tracker in channels and chats. */
export function tabConfig(origin: string, inMeeting: boolean): pages.InstanceConfig {
  const path = inMeeting ? '/side-panel' : '/tracker';
  return {
    contentUrl: `${origin}${path}`,
    websiteUrl: `${origin}${path}`,
    entityId: inMeeting ? 'critical-friend-side-panel' : 'critical-friend-tracker',
    suggestedDisplayName: TAB_NAME,
  };
}

/** The configurable tab's configuration page: nothing to choose, so it is valid at once. */
export function ConfigPage() {
  const host = useHost();
  const inMeeting = Boolean(host.meetingId);

  useEffect(() => {
    if (!host.inTeams) return;
    const config = tabConfig(window.location.origin, inMeeting);
    pages.config.registerOnSaveHandler((saveEvent) => {
      pages.config.setConfig(config).then(
        () => saveEvent.notifySuccess(),
        (error: unknown) =>
          saveEvent.notifyFailure(
            error instanceof Error ? error.message : 'Could not save the tab.',
          ),
      );
    });
    pages.config.setValidityState(true);
  }, [host.inTeams, inMeeting]);

  return (
    <>
      <Heading level={1}>Add Critical Friend</Heading>
      {!host.inTeams ? (
        <p>Teams shows this page when someone adds the Critical Friend tab.</p>
      ) : inMeeting ? (
        <p>
          The tab will open the side panel for filing observations during this meeting. Select Save.
        </p>
      ) : (
        <p>The tab will show the recommendations tracker, read-only. Select Save.</p>
      )}
    </>
  );
}
