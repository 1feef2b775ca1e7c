import { makeStyles, tokens } from '@fluentui/react-components';
import { decisionLabels } from '../../forms/fields';
import { formatDate, formatDateTime } from '../../format/dates';
import { channelWords, decisionPast } from './labels';
import type { RecordedResponse } from './types';

const useStyles = makeStyles({
  meta: { color: tokens.colorNeutralForeground2, marginTop: 0 },
  rationale: { whiteSpace: 'pre-wrap' },
  list: { paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { marginLeft: 0 },
});

/** What was recorded: decision, who, when and through which route, the rationale and actions. */
export function RecordedSummary({
  response,
  partnerName,
}: {
  response: RecordedResponse;
  partnerName: string;
}) {
  const styles = useStyles();
  const actions = response.actions ?? [];
  return (
    <>
      <p>
        <strong>Decision: {decisionLabels[response.decision]}</strong>
      </p>
      <p className={styles.meta}>
        {decisionPast[response.decision]} by {response.responderName} for {partnerName} on{' '}
        {formatDateTime(response.respondedAt)}, through the {channelWords[response.channel]}.
      </p>
      <p className={styles.rationale}>{response.rationale}</p>
      {actions.length > 0 && (
        <>
          <p>
            <strong>
              {actions.length === 1 ? 'Action agreed' : `${actions.length} actions agreed`}
            </strong>
          </p>
          <ol className={styles.list}>
            {actions.map((a, i) => (
              <li key={i}>
                {a.description}
                <dl className={styles.facts}>
                  <dt className={styles.term}>Owner</dt>
                  <dd className={styles.detail}>{a.ownerName}</dd>
                  <dt className={styles.term}>Target date</dt>
                  <dd className={styles.detail}>{formatDate(a.targetDate)}</dd>
                  {a.evidence && (
                    <>
                      <dt className={styles.term}>Evidence</dt>
                      <dd className={styles.detail}>{a.evidence}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
      {response.slg && (
        <p className={styles.meta}>
          {response.slg.status === 'ruled'
            ? 'The Strategic Leadership Group has ruled on this response.'
            : `This goes to the Strategic Leadership Group for a ruling ${
                response.slg.meetingStartsAt
                  ? `at its meeting on ${formatDate(response.slg.meetingStartsAt)}`
                  : 'at its next meeting'
              }.`}
        </p>
      )}
    </>
  );
}
