import { meeting } from '@microsoft/teams-js';

export interface MeetingDetails {
  title?: string;
  startsAt?: string;
}

function isoOrUndefined(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The meeting's subject and scheduled start from Teams, or null. Teams may refuse (the
 * OnlineMeeting.ReadBasic.Chat permission, an old client) or never answer; either is fine.
 */
export function readMeetingDetails(timeoutMs = 2000): Promise<MeetingDetails | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (value: MeetingDetails | null) => {
      clearTimeout(timer);
      resolve(value);
    };
    try {
      meeting.getMeetingDetails((error, response) => {
        if (error || !response?.details) return done(null);
        const details: Record<string, unknown> = { ...response.details };
        done({
          title: typeof details.title === 'string' ? details.title : undefined,
          startsAt: isoOrUndefined(details.scheduledStartTime),
        });
      });
    } catch {
      done(null);
    }
  });
}
