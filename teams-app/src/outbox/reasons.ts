// Words the panel compares against, kept apart from the sending code so the first load needs
// neither it nor the outbox.
export const offlineReason = 'No connection. It will be sent when you are back online.';
export const signInReason = 'Sign in again to send.';
