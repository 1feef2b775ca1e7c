import type { Status } from '../../components/StatusArea';
import type { OutboxEvent } from '../../outbox/outbox';
import { offlineReason } from '../../outbox/reasons';

export const savedOffline = 'Saved on this device. It will be sent when you are back online.';

/** What to say, politely, as the outbox works in the background. */
export function statusFor(event: OutboxEvent): Status | null {
  switch (event.type) {
    case 'queued':
      return navigator.onLine === false
        ? { kind: 'info', text: savedOffline }
        : { kind: 'info', text: 'Sending…' };
    case 'sent':
      return { kind: 'success', text: 'Observation saved.' };
    case 'waiting': {
      const { entry } = event;
      // Once per entry, not on every retry.
      if (entry.attempts !== 1 && !entry.needsSignIn) return null;
      if (entry.needsSignIn)
        return { kind: 'info', text: 'Saved on this device. Sign in again to send.' };
      if (entry.reason === offlineReason) return { kind: 'info', text: savedOffline };
      return { kind: 'info', text: `Saved on this device. ${entry.reason ?? ''}`.trim() };
    }
    // Polite too: it arrives in the background, perhaps mid-sentence; Failed lists it anyway.
    case 'failed':
      return {
        kind: 'info',
        text: `${event.entry.reason ?? 'Not accepted.'} It is listed under Failed: edit and resend it, or discard it.`,
      };
  }
}
