/** MSAL's pop-up and hidden frame land here (a path the SPA serves); see authRedirect.tsx. */
export const AUTH_REDIRECT_PATH = '/auth-redirect';
