import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { MeetingItem, ObservationItem } from '../api/types';
import { isAuthError } from '../auth/authProvider';
import { checkText } from '../guard/findings';
import { offlineReason, signInReason } from './reasons';
import type { OutboxEntry, SendResult, Sender } from './types';

export { offlineReason, signInReason };

/** A send that hangs is abandoned and retried (same key, so it cannot be stored twice). */
const SEND_TIMEOUT_MS = 30_000;

function timeoutSignal(ms: number): AbortSignal | undefined {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(ms) : undefined;
}

function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function retryReason(status: number): string {
  if (status === 0) return offlineReason;
  if (status === 408) return 'The server took too long to answer. Trying again shortly.';
  if (status === 429) return 'The server is busy. Trying again shortly.';
  return `The server had a problem (status ${status}). Trying again shortly.`;
}

/** Turns a refusal into words the scrutineer can act on. */
async function refusal(error: ApiError, entry: OutboxEntry): Promise<SendResult> {
  if (error.code === 'identifiable-data') {
    // Describe it with the same guard the server used, on the text that was sent.
    const finding = await checkText(entry.fields.text).catch(() => null);
    return {
      kind: 'failed',
      // Kinds only: the reason is kept beside the entry, so it must not repeat the text.
      reason: finding
        ? `Not accepted: it may identify a child or family (${finding.summary}). Edit it and send again.`
        : `Not accepted: ${error.message}`,
      details: [],
    };
  }
  return {
    kind: 'failed',
    reason: `Not accepted: ${error.message}`,
    details: error.issues.map((issue) => issue.message),
  };
}

export function classifySendError(error: unknown, entry: OutboxEntry): Promise<SendResult> {
  if (isAuthError(error)) return Promise.resolve({ kind: 'auth', reason: signInReason });
  if (error instanceof ApiError) {
    if (isRetryable(error.status)) {
      return Promise.resolve({ kind: 'retry', reason: retryReason(error.status) });
    }
    return refusal(error, entry);
  }
  return Promise.resolve({ kind: 'retry', reason: 'Something went wrong while sending.' });
}

/** Sends outbox entries with the API client, linking each to its meeting record first. */
export function makeSender(api: ApiClient, timeoutMs = SEND_TIMEOUT_MS): Sender {
  const meetingIds = new Map<string, string>();

  const meetingIdFor = async (entry: OutboxEntry): Promise<string | undefined> => {
    if (entry.meetingId || !entry.teamsMeeting) return entry.meetingId;
    const ref = entry.teamsMeeting;
    const known = meetingIds.get(ref.teamsMeetingId);
    if (known) return known;
    try {
      const meeting = await api.post<MeetingItem>(
        '/api/meetings',
        {
          title: ref.title,
          kind: 'other',
          startsAt: ref.startsAt,
          teamsMeetingId: ref.teamsMeetingId,
        },
        { signal: timeoutSignal(timeoutMs) },
      );
      meetingIds.set(ref.teamsMeetingId, meeting.id);
      return meeting.id;
    } catch (error) {
      // Offline or signed out: try again later. A refusal: file the observation unlinked.
      if (isAuthError(error) || (error instanceof ApiError && isRetryable(error.status))) {
        throw error;
      }
      return undefined;
    }
  };

  return async (entry) => {
    try {
      const meetingId = await meetingIdFor(entry);
      const { text, evidenceClass, partnerIds, source, lineOfEnquiry } = entry.fields;
      const item = await api.post<ObservationItem | undefined>(
        '/api/observations',
        {
          text,
          evidenceClass,
          partnerIds,
          source,
          ...(meetingId ? { meetingId } : {}),
          ...(lineOfEnquiry ? { lineOfEnquiry } : {}),
          observedAt: entry.observedAt,
          idempotencyKey: entry.key,
        },
        { signal: timeoutSignal(timeoutMs) },
      );
      return { kind: 'sent', item };
    } catch (error) {
      return classifySendError(error, entry);
    }
  };
}
