import { meeting } from '@microsoft/teams-js';

export type ShareOutcome = { ok: true } | { ok: false; reason: string };

interface SdkErrorLike {
  errorCode?: number;
  message?: string;
}

const WAIT_MS = 10_000;

/** Teams' error codes in words (ErrorCode in teams-js). */
function reasonFor(error: SdkErrorLike | null): string {
  switch (error?.errorCode) {
    case 1000:
    case 5000:
      return 'Teams did not allow it. Only the meeting organiser or a presenter can share to the stage.';
    case 100:
    case 501:
    case 9000:
      return 'This Teams app or device cannot share to the meeting stage.';
    case 8000:
      return 'Sharing was cancelled.';
    default:
      return `Teams could not share to the stage${error?.errorCode ? ` (error ${error.errorCode})` : ''}.`;
  }
}

function callTeams<T>(
  call: (callback: (error: SdkErrorLike | null, result: T | null) => void) => void,
) {
  return new Promise<{ error: SdkErrorLike | null; result: T | null }>((resolve) => {
    const timer = setTimeout(
      () => resolve({ error: { message: 'Teams did not answer.' }, result: null }),
      WAIT_MS,
    );
    try {
      call((error, result) => {
        clearTimeout(timer);
        resolve({ error, result });
      });
    } catch {
      clearTimeout(timer);
      resolve({ error: { errorCode: 501 }, result: null });
    }
  });
}

/** Puts `url` (this app's stage view) on the meeting stage for everyone in the meeting. */
export async function shareToStage(url: string): Promise<ShareOutcome> {
  // Feature check: an older teams-js or host without the stage API.
  if (
    typeof meeting.shareAppContentToStage !== 'function' ||
    typeof meeting.getAppContentStageSharingCapabilities !== 'function'
  ) {
    return { ok: false, reason: reasonFor({ errorCode: 501 }) };
  }
  const capability = await callTeams<{ doesAppHaveSharePermission: boolean }>((cb) =>
    meeting.getAppContentStageSharingCapabilities(cb),
  );
  if (capability.error) return { ok: false, reason: reasonFor(capability.error) };
  if (capability.result && !capability.result.doesAppHaveSharePermission) {
    return {
      ok: false,
      reason:
        'This version of Critical Friend is not allowed to share to the stage. Ask your Teams administrator to update it.',
    };
  }
  const shared = await callTeams<boolean>((cb) => meeting.shareAppContentToStage(cb, url));
  return shared.error ? { ok: false, reason: reasonFor(shared.error) } : { ok: true };
}
