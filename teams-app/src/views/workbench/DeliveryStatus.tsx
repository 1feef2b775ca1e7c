import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import { emailResponseLink, resendCard, type WebLinkOffer } from '../../api/deliveries';
import { describeProblem } from '../../api/errors';
import type { Delivery } from '../../api/types';
import { isAuthError } from '../../auth/authProvider';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import { formatDate } from '../../format/dates';
import { cardsSummary, deliveryText } from './deliveryText';
import { useDeliveries } from './useDeliveries';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

interface DeliveryStatusProps {
  recommendationId: string;
  reference: string;
  /** What issuing answered, when it was issued on this page; otherwise the list is read. */
  initial?: readonly Delivery[];
  /** The scrutineer may send a failed or unreachable card again. */
  canResend: boolean;
  /** The scrutineer and the business unit may email a link to respond on the web. */
  canEmailLink: boolean;
}

const needsHelp = (d: Delivery) =>
  d.personId !== '' && (d.status === 'failed' || d.status === 'unreachable');

/** What emailing a response link did, in words. */
function offerText(offer: WebLinkOffer, delivery: Delivery): Status {
  const name = delivery.displayName;
  if (offer.outcome === 'offered') {
    if (offer.emailed === false)
      return {
        kind: 'error',
        text: `The link for ${name} is ready, but the email could not be sent${
          offer.mail ? ` (${offer.mail})` : ''
        }. Try again later.`,
      };
    const until = offer.expiresAt ? `; it can be used until ${formatDate(offer.expiresAt)}` : '';
    return {
      kind: 'success',
      text: `${name} has been emailed a link to respond on the web${until}.`,
    };
  }
  switch (offer.reason) {
    case 'already-responded':
      return {
        kind: 'info',
        text: `${delivery.partnerName} has already responded; no link was sent.`,
      };
    case 'not-open':
      return { kind: 'info', text: 'The recommendation is no longer open; no link was sent.' };
    case 'not-a-responder':
      return {
        kind: 'info',
        text: `${name} is no longer a partner lead for ${delivery.partnerName}; no link was sent.`,
      };
    case 'no-address':
      return { kind: 'info', text: `There is no email address for ${name}; no link was sent.` };
    default:
      return { kind: 'info', text: 'No link was sent.' };
  }
}

/**
 * The cards for one issued recommendation: the counts (the only part announced, politely, as
 * they change), each person's card, and for a card that did not arrive the ways to reach them.
 * Reads again while any card is pending and stops when none is or when it is closed.
 */
export function DeliveryStatus({
  recommendationId,
  reference,
  initial,
  canResend,
  canEmailLink,
}: DeliveryStatusProps) {
  const styles = useStyles();
  const api = useApi();
  const { deliveries, loading, polling, problem, stopped, restart } = useDeliveries(
    recommendationId,
    initial,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const act = async (key: string, work: () => Promise<Status>) => {
    if (busy) return;
    setBusy(key);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error)));
      // The card may have moved on meanwhile (e.g. sent after all): show where it is now.
      restart();
    } finally {
      setBusy(null);
    }
  };

  const resend = (delivery: Delivery) =>
    act(`resend:${delivery.personId}`, async () => {
      restart(await resendCard(api, recommendationId, delivery.personId));
      return { kind: 'success', text: `The card for ${delivery.displayName} will be sent again.` };
    });

  const emailLink = (delivery: Delivery) =>
    act(`link:${delivery.personId}`, async () =>
      offerText(await emailResponseLink(api, recommendationId, delivery.personId), delivery),
    );

  return (
    <div className={styles.root}>
      {/* Always in the page (a live region must exist before it changes); the counts only. */}
      <p role="status" aria-live="polite" aria-atomic="true" className={styles.summary}>
        {deliveries ? cardsSummary(deliveries) : ''}
      </p>
      {loading && !deliveries && <p className={styles.hint}>Loading the cards for {reference}…</p>}
      {polling && !problem && (
        <p className={styles.hint}>Cards are still being sent; this list updates as they go.</p>
      )}
      {problem &&
        (stopped ? (
          <div role="alert">
            <p className={styles.hint}>Could not check the cards: {problem.text}</p>
            <Button size="small" onClick={() => restart()}>
              Check again
            </Button>
          </div>
        ) : (
          <p className={styles.hint}>
            Could not check the cards: {problem.text} Trying again shortly.
          </p>
        ))}
      {deliveries && deliveries.length > 0 && (
        <ul className={styles.list} aria-label={`Cards for ${reference}`}>
          {deliveries.map((delivery) => (
            <li key={`${delivery.partnerName}:${delivery.personId}`}>
              <div className={styles.row}>
                <span>{deliveryText(delivery)}</span>
                {needsHelp(delivery) && canResend && (
                  <Button
                    size="small"
                    disabledFocusable={busy !== null}
                    onClick={() => void resend(delivery)}
                  >
                    Send card again
                    <span className={styles.visuallyHidden}> to {delivery.displayName}</span>
                  </Button>
                )}
                {needsHelp(delivery) && canEmailLink && (
                  <Button
                    size="small"
                    disabledFocusable={busy !== null}
                    onClick={() => void emailLink(delivery)}
                  >
                    Email a response link
                    <span className={styles.visuallyHidden}> to {delivery.displayName}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div>
        <StatusArea status={status} />
      </div>
    </div>
  );
}
