import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { evidenceClassLabels, priorityLabels } from '../../forms/fields';
import { useApi } from '../../api/ApiContext';
import { ApiError, describeProblem } from '../../api/errors';
import { useLocalAuth } from '../../app/LocalAuthContext';
import { isAuthError } from '../../auth/authProvider';
import { Heading } from '../../components/Heading';
import { StatusArea, type Status } from '../../components/StatusArea';
import { formatDate } from '../../format/dates';
import { AppLink } from '../../routing/AppLink';
import { currentLocation, signInPath, useLocation } from '../../routing/router';
import { channelWords } from './labels';
import { RecordedSummary } from './RecordedSummary';
import { ResponseForm } from './ResponseForm';
import { linkPath, type LinkView, type RecordedResult } from './types';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '48rem' },
  lead: { color: tokens.colorNeutralForeground2, margin: 0 },
  text: { whiteSpace: 'pre-wrap', marginTop: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { marginLeft: 0 },
  findings: {
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  summary: {
    color: tokens.colorNeutralForeground2,
    marginTop: tokens.spacingVerticalXXS,
    marginBottom: 0,
  },
  recorded: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteGreenForeground1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
});

type Loaded =
  | { kind: 'loading' }
  | { kind: 'no-link' }
  | { kind: 'ready'; view: LinkView }
  /** `settled`: the link has done its work (a response is recorded); not an error. */
  | { kind: 'problem'; status: Status; settled: boolean; retry: boolean; wrongPerson: boolean };

function problemFrom(error: unknown): Loaded {
  const problem = describeProblem(error);
  const api = error instanceof ApiError ? error : null;
  const settled = api?.status === 409 && api.code !== 'link-closed';
  return {
    kind: 'problem',
    status: settled
      ? { kind: 'info', text: problem.text }
      : { kind: 'error', text: problem.text, details: problem.details },
    settled,
    retry: !api || api.status === 0 || api.status >= 500,
    wrongPerson: api?.status === 403,
  };
}

/**
 * `/respond?t=<token>`: where the link emailed to someone Teams could not reach leads. They sign
 * in (the usual sign-in), see the recommendation as the card shows it and respond on the card's
 * form; the response is recorded with the channel `web-link`. The token alone does nothing: the
 * server also checks that the signed-in person is the one the link was sent to.
 */
export function RespondPage() {
  const styles = useStyles();
  const api = useApi();
  const localAuth = useLocalAuth();
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('t') ?? '';
  const [loaded, setLoaded] = useState<Loaded>({ kind: token ? 'loading' : 'no-link' });
  const [tick, setTick] = useState(0);
  const [recorded, setRecorded] = useState<RecordedResult | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!token) {
      setLoaded({ kind: 'no-link' });
      return;
    }
    let live = true;
    setLoaded({ kind: 'loading' });
    api.get<LinkView>(linkPath(token)).then(
      (view) => live && setLoaded({ kind: 'ready', view }),
      (error: unknown) => {
        // Not signed in: the shell takes the person to sign in and back here.
        if (live && !isAuthError(error)) setLoaded(problemFrom(error));
      },
    );
    return () => {
      live = false;
    };
  }, [api, token, tick]);

  // In the same commit that shows the confirmation, so focus never rests on the removed button
  // (and a screen reader announces the confirmation straight away).
  useLayoutEffect(() => {
    if (recorded) doneRef.current?.focus();
  }, [recorded]);

  const view = loaded.kind === 'ready' ? loaded.view : null;
  return (
    <div className={styles.page}>
      <Heading level={1}>
        {view ? `Respond to recommendation ${view.reference}` : 'Respond to a recommendation'}
      </Heading>

      {loaded.kind === 'loading' && <p role="status">Loading the recommendation…</p>}
      {loaded.kind === 'no-link' && (
        <p>
          This page opens from the link in the email you were sent. Use the whole link from the
          email; if it does not work, ask the partnership’s business unit for a new one.
        </p>
      )}
      {loaded.kind === 'problem' && (
        <div>
          <StatusArea status={loaded.status} />
          {loaded.retry && <Button onClick={() => setTick((t) => t + 1)}>Try again</Button>}
          {loaded.wrongPerson && localAuth && (
            <p>
              <AppLink to={signInPath(currentLocation())}>Sign in as someone else</AppLink>
            </p>
          )}
        </div>
      )}

      {view && (
        <section aria-labelledby="recommendation-title">
          <p className={styles.lead}>
            Recommendation {view.reference} for {view.partnerName}
          </p>
          <Heading level={2} id="recommendation-title">
            {view.title}
          </Heading>
          <p className={styles.text}>{view.text}</p>
          <dl className={styles.facts}>
            <dt className={styles.term}>Priority</dt>
            <dd className={styles.detail}>{priorityLabels[view.priority]}</dd>
            <dt className={styles.term}>Response due</dt>
            <dd className={styles.detail}>{formatDate(view.responseDueDate)}</dd>
          </dl>
          {view.findings.length > 0 && (
            <>
              <Heading level={3}>
                {view.findings.length === 1 ? 'The finding behind it' : 'The findings behind it'}
              </Heading>
              <ul className={styles.findings}>
                {view.findings.map((f, i) => (
                  <li key={i}>
                    <strong>{evidenceClassLabels[f.evidenceClass]}:</strong> {f.title}
                    {f.summary && <p className={styles.summary}>{f.summary}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {view && !recorded && <ResponseForm view={view} token={token} onRecorded={setRecorded} />}
      {view && recorded && (
        <section className={styles.recorded} aria-labelledby="response-recorded">
          <Heading level={2} id="response-recorded">
            <span ref={doneRef} tabIndex={-1}>
              Your response is recorded (channel: {channelWords[recorded.channel]})
            </span>
          </Heading>
          <RecordedSummary response={recorded.response} partnerName={recorded.partnerName} />
          <p>
            You can close this page. The link has now been used and will not open the form again.
          </p>
        </section>
      )}
    </div>
  );
}
