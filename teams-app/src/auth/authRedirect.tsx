import { useEffect, useState } from 'react';

/**
 * Hands Entra's answer back to the window that opened the pop-up (or the hidden frame's parent)
 * with MSAL's redirect bridge, loaded only here. Nothing else of the tab starts. Loaded lazily
 * by App at AUTH_REDIRECT_PATH.
 */
export function AuthRedirect() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('@azure/msal-browser/redirect-bridge')
      .then((bridge) => bridge.broadcastResponseToMainFrame())
      .catch(() => setFailed(true));
  }, []);
  return (
    <p role="status">
      {failed ? 'Sign-in could not finish. Close this window and try again.' : 'Finishing sign-in…'}
    </p>
  );
}
