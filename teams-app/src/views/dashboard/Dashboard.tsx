import { useCallback } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { DashboardView } from '../../../../src/domain/tracker-view';
import { useApi } from '../../api/ApiContext';
import { ApiError } from '../../api/errors';
import { useResource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { AppLink } from '../../routing/AppLink';
import { AsAtControl } from '../tracker/AsAtControl';
import { asAtQuery, useAsAt } from '../tracker/useAsAt';
import { BarChart } from './BarChart';
import {
  acceptanceChart,
  ageingChart,
  daysChart,
  ragChart,
  reportingYear,
  responseChart,
  type ChartSpec,
} from './dashboardCharts';

export const FORBIDDEN_TEXT =
  'The dashboard is for the partnership’s executives, the scrutineer and the business unit.';

const useStyles = makeStyles({
  headline: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    marginTop: tokens.spacingVerticalM,
  },
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column-reverse',
    '& dd': {
      margin: 0,
      fontSize: tokens.fontSizeHero700,
      lineHeight: tokens.lineHeightHero700,
      fontWeight: tokens.fontWeightSemibold,
    },
    '& dt': { color: tokens.colorNeutralForeground2 },
  },
  section: { marginTop: tokens.spacingVerticalXL },
});

type Loaded = { view: DashboardView } | { forbidden: true };

const headlineLabels: [keyof DashboardView['headline'], string][] = [
  ['recommendations', 'Recommendations'],
  ['openActions', 'Open actions'],
  ['overdueActions', 'Overdue actions'],
  ['awaitingVerification', 'Awaiting verification'],
  ['verifiedActions', 'Verified actions'],
];

function Chart({ spec }: { spec: ChartSpec }) {
  return <BarChart {...spec} />;
}

/** The executives' read-only dashboard: headline figures and charts, each with its figures. */
export function Dashboard() {
  const styles = useStyles();
  const api = useApi();
  const [asAt, setAsAt] = useAsAt();
  const load = useCallback(
    (): Promise<Loaded> =>
      api.get<DashboardView>(`/api/dashboard${asAtQuery(asAt)}`).then(
        (view) => ({ view }),
        (error: unknown) => {
          // Partner people are refused by the server: say who it is for, not "403".
          if (error instanceof ApiError && error.status === 403) return { forbidden: true };
          throw error;
        },
      ),
    [api, asAt],
  );
  const dashboard = useResource(load);
  const loaded = dashboard.data;

  if (loaded && 'forbidden' in loaded) {
    return (
      <>
        <Heading level={1}>Dashboard</Heading>
        <p>{FORBIDDEN_TEXT}</p>
        <p>
          Your organisation’s recommendations and actions are in the{' '}
          <AppLink to="/tracker">tracker</AppLink>.
        </p>
      </>
    );
  }
  const view = loaded?.view;

  return (
    <>
      <Heading level={1}>Dashboard</Heading>
      <AsAtControl what="dashboard" asAt={asAt} onChange={setAsAt} />
      {dashboard.problem && <ProblemText problem={dashboard.problem} onRetry={dashboard.reload} />}
      {dashboard.loading && <p role="status">Loading the dashboard…</p>}
      {view && (
        <>
          <section aria-labelledby="dashboard-headline" className={styles.section}>
            <Heading level={2} id="dashboard-headline">
              Headline figures
            </Heading>
            <dl className={styles.headline}>
              {headlineLabels.map(([key, label]) => (
                <div key={key} className={styles.figure}>
                  <dt>{label}</dt>
                  <dd>{view.headline[key]}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="dashboard-rag" className={styles.section}>
            <Heading level={2} id="dashboard-rag">
              Progress by RAG
            </Heading>
            <Chart spec={ragChart('RAG by partner', 'Partner', view.ragByPartner)} />
            <Chart spec={ragChart('RAG by theme', 'Theme', view.ragByTheme)} />
            <Chart spec={ragChart('RAG by priority', 'Priority', view.ragByPriority)} />
            <Chart spec={ageingChart(view)} />
          </section>
          <section aria-labelledby="dashboard-responses" className={styles.section}>
            <Heading level={2} id="dashboard-responses">
              Partners’ responses
            </Heading>
            <Chart spec={responseChart(view)} />
            <Chart spec={acceptanceChart(view)} />
          </section>
          <section aria-labelledby="dashboard-days" className={styles.section}>
            <Heading level={2} id="dashboard-days">
              Scrutiny days
            </Heading>
            {view.days ? (
              <Chart spec={daysChart(view.days)} />
            ) : (
              <p>There is no scrutiny plan for the reporting year yet, so no day budget to show.</p>
            )}
            {view.days && (
              <p>
                The budget is the scrutiny plan’s for {reportingYear(view.days.year)} (April to
                March).
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
