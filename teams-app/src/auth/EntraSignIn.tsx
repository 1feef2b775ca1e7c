import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { NotifyLoaded } from '../app/NotifyLoaded';
import { Heading } from '../components/Heading';
import { SignInProblemError, SignInRequiredError, type AuthProvider } from './authProvider';
import { signInMessage } from './signInMessage';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL } });

interface EntraSignInProps {
  provider: AuthProvider;
  /** Why the tab has no token: shown in plain words. */
  problem: Error;
  onSignedIn: () => void;
}

/**
 * Entra mode without a token: says why, and offers a button. The button matters in SharePoint
 * and browsers, where the sign-in pop-up may only be opened by a click; in Teams it retries.
 */
export function EntraSignIn({ provider, problem, onSignedIn }: EntraSignInProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Error>(problem);
  const [busy, setBusy] = useState(false);
  const needsSignIn =
    shown instanceof SignInRequiredError ||
    (shown instanceof SignInProblemError && shown.kind === 'sign-in-needed');

  const signIn = () => {
    setBusy(true);
    (provider.signIn ? provider.signIn() : provider.getToken()).then(
      () => onSignedIn(),
      (error: unknown) => {
        setBusy(false);
        setShown(error instanceof Error ? error : new SignInProblemError('failed'));
      },
    );
  };

  return (
    <main className={styles.root}>
      <Heading level={1}>Critical Friend</Heading>
      <div role="alert">
        <p>{signInMessage(shown) ?? 'Sign in to continue.'}</p>
      </div>
      <Button appearance="primary" disabled={busy} onClick={signIn}>
        {needsSignIn ? 'Sign in' : 'Try again'}
      </Button>
      <NotifyLoaded />
    </main>
  );
}
