import { SignInProblemError, type SignInProblemKind } from '../authProvider';

/** MSAL errors carry `errorCode`; TeamsJS rejects with an Error or a bare string. */
function codeAndText(error: unknown): { code: string; text: string } {
  if (typeof error === 'string') return { code: error, text: error };
  if (typeof error === 'object' && error !== null) {
    const record = error as Record<string, unknown>;
    const code = typeof record.errorCode === 'string' ? record.errorCode : '';
    const text = [record.message, record.errorMessage, record.subError]
      .filter((part): part is string => typeof part === 'string')
      .join(' ');
    return { code, text };
  }
  return { code: '', text: '' };
}

// Entra's AADSTS codes that mean "ask for permission" and "this account may not use the app".
const CONSENT_CODES = ['AADSTS65001', 'AADSTS65004', 'AADSTS90094', 'AADSTS90099'];
const BLOCKED_CODES = ['AADSTS50105', 'AADSTS53003', 'AADSTS50020', 'AADSTS50177', 'AADSTS700016'];

function kindOf(error: unknown): SignInProblemKind {
  const { code, text } = codeAndText(error);
  const all = `${code} ${text}`;
  if (CONSENT_CODES.some((c) => all.includes(c))) return 'consent';
  if (BLOCKED_CODES.some((c) => all.includes(c))) return 'blocked';
  switch (code) {
    case 'popup_window_error':
    case 'empty_window_error':
    case 'block_nested_popups':
      return 'popup-blocked';
    case 'user_cancelled':
      return 'cancelled';
    case 'consent_required':
      return 'consent';
    case 'interaction_required':
    case 'login_required':
    case 'no_account_error':
    case 'no_tokens_found':
      return 'sign-in-needed';
    case 'network_error':
    case 'no_network_connectivity':
      return 'network';
  }
  // TeamsJS getAuthToken reasons.
  if (/CancelledByUser/i.test(all)) return 'cancelled';
  if (/FailedToOpenWindow/i.test(all)) return 'popup-blocked';
  if (/resourceRequiresConsent|consent/i.test(all)) return 'consent';
  if (/resourceDisabled|tokenRevoked/i.test(all)) return 'blocked';
  // A lazily loaded sign-in chunk that could not be fetched.
  if (error instanceof TypeError && /fetch|import/i.test(text)) return 'network';
  return 'failed';
}

/** Turns whatever sign-in threw into a SignInProblemError with a plain message. */
export function signInProblemFrom(error: unknown): SignInProblemError {
  return error instanceof SignInProblemError ? error : new SignInProblemError(kindOf(error));
}
