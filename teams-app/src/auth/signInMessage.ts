import { ApiError } from '../api/errors';
import { SignInProblemError, type SignInProblemKind } from './authProvider';

export const problemText: Record<SignInProblemKind, string> = {
  'sign-in-needed': 'Sign in with your work account to continue.',
  consent:
    'Critical Friend needs your permission to sign you in. Sign in again and accept, or ask the partnership’s business unit to approve the app for your organisation.',
  blocked:
    'Your organisation’s settings do not let this account use Critical Friend. Ask the partnership’s business unit to give you access.',
  'popup-blocked':
    'Your browser blocked the sign-in window. Allow pop-ups for this site, then press Sign in again.',
  cancelled: 'Sign-in was cancelled. Press Sign in to try again.',
  network: 'Could not reach Microsoft sign-in. Check the connection and try again.',
  failed: 'Sign-in did not work. Try again; if it keeps failing, ask the business unit for help.',
};

/** The API's 403 `not-a-member`: the sign-in worked, but the partnership does not know them. */
export const notAMemberText =
  'You are signed in, but you are not recorded as a member of this partnership. Ask the partnership’s business unit to add you.';

/** Plain words for a sign-in or membership problem; null when the error is something else. */
export function signInMessage(error: unknown): string | null {
  if (error instanceof SignInProblemError) return problemText[error.kind];
  if (error instanceof ApiError && error.status === 403 && error.code === 'not-a-member')
    return notAMemberText;
  return null;
}
