import { useEffect, useState } from 'react';
import { makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { Heading } from '../../components/Heading';
import { useHost } from '../../host/HostContext';

export const TAB_NAME = 'Critical Friend';

/** What a channel, chat or SharePoint tab can show; meetings always get the side panel. */
export type TabView = 'tracker' | 'dashboard';

const tabViews: Record<TabView, { label: string; hint: string }> = {
  tracker: {
    label: 'Tracker',
    hint: 'Every recommendation, response and action, with its RAG status and history.',
  },
  dashboard: {
    label: 'Dashboard',
    hint: 'Headline figures and charts for the partnership’s executives.',
  },
};

/** Where the tab should point: the observation panel in meetings, else the chosen view. */
export function tabConfig(
  origin: string,
  inMeeting: boolean,
  view: TabView = 'tracker',
): pages.InstanceConfig {
  const path = inMeeting ? '/side-panel' : `/${view}`;
  return {
    contentUrl: `${origin}${path}`,
    websiteUrl: `${origin}${path}`,
    entityId: inMeeting ? 'critical-friend-side-panel' : `critical-friend-${view}`,
    suggestedDisplayName: inMeeting
      ? TAB_NAME
      : `${TAB_NAME} ${tabViews[view].label.toLowerCase()}`,
  };
}

const useStyles = makeStyles({
  hint: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** The configurable tab's configuration page (Teams and SharePoint show it when adding the tab). */
export function ConfigPage() {
  const styles = useStyles();
  const host = useHost();
  const inMeeting = Boolean(host.meetingId);
  // SharePoint pages are for executives, who mostly want the dashboard.
  const [view, setView] = useState<TabView>(host.inSharePoint ? 'dashboard' : 'tracker');

  useEffect(() => {
    if (!host.inTeams) return;
    const config = tabConfig(window.location.origin, inMeeting, view);
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
  }, [host.inTeams, inMeeting, view]);

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
        <>
          <p id="config-choice">Choose what the tab shows, read-only, then select Save.</p>
          <RadioGroup
            aria-labelledby="config-choice"
            value={view}
            onChange={(_, data) => setView(data.value as TabView)}
          >
            {(Object.keys(tabViews) as TabView[]).map((key) => (
              <Radio
                key={key}
                value={key}
                label={
                  <>
                    {tabViews[key].label}
                    <span className={styles.hint}>{tabViews[key].hint}</span>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </>
      )}
    </>
  );
}
