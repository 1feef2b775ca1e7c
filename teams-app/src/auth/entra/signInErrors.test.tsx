import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { SignInProblemError } from '../authProvider';
import { notAMemberText, problemText, signInMessage } from '../signInMessage';
import { signInProblemFrom } from './signInErrors';

const msalError = (errorCode: string, errorMessage = '') =>
  Object.assign(new Error(errorMessage), { errorCode, errorMessage });

describe('sign-in problems in plain words', () => {
  it.each([
    [
      msalError('invalid_grant', 'AADSTS65001: The user or administrator has not consented'),
      'consent',
    ],
    [msalError('invalid_grant', 'AADSTS90094: Admin approval required'), 'consent'],
    [msalError('consent_required'), 'consent'],
    [msalError('invalid_grant', 'AADSTS50105: user is not assigned to a role'), 'blocked'],
    [msalError('invalid_grant', 'AADSTS53003: blocked by Conditional Access'), 'blocked'],
    [msalError('popup_window_error'), 'popup-blocked'],
    [msalError('empty_window_error'), 'popup-blocked'],
    [msalError('user_cancelled'), 'cancelled'],
    [msalError('no_network_connectivity'), 'network'],
    [msalError('login_required'), 'sign-in-needed'],
    // TeamsJS getAuthToken rejects with its reason as text.
    ['CancelledByUser', 'cancelled'],
    [new Error('resourceRequiresConsent'), 'consent'],
    [new Error('FailedToOpenWindow'), 'popup-blocked'],
    [new Error('something unexpected'), 'failed'],
  ] as const)('%s → %s', (error, kind) => {
    const problem = signInProblemFrom(error);
    expect(problem.kind).toBe(kind);
    // Plain words: no error codes, no tokens.
    expect(signInMessage(problem)).not.toMatch(/AADSTS|_|[{}]/);
  });

  it('gives each kind its own message', () => {
    const say = (kind: SignInProblemError['kind']) => signInMessage(new SignInProblemError(kind));
    expect(say('popup-blocked')).toMatch(/blocked the sign-in window/);
    expect(say('consent')).toMatch(/permission/);
    expect(say('blocked')).toMatch(/do not let this account/);
    expect(new Set(Object.values(problemText)).size).toBe(Object.keys(problemText).length);
  });

  it('explains the API’s 403 not-a-member, and leaves other errors alone', () => {
    const notMember = new ApiError(403, 'not-a-member', 'server text');
    expect(signInMessage(notMember)).toBe(notAMemberText);
    expect(signInMessage(new ApiError(403, 'forbidden', 'x'))).toBeNull();
    expect(signInMessage(new Error('x'))).toBeNull();
    expect(signInMessage(new SignInProblemError('cancelled'))).toMatch(/cancelled/);
  });
});
