import { makeStyles, tokens } from '@fluentui/react-components';
import { Heading } from '../components/Heading';
import { NotifyLoaded } from './NotifyLoaded';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL } });

/** Entra mode, but the server's settings lack what sign-in needs: say so plainly. */
export function AuthUnavailable() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Heading level={1}>Critical Friend</Heading>
      <div role="alert">
        <p>Sign-in through Teams is not configured yet.</p>
      </div>
      <p>Ask the partnership&apos;s business unit to finish setting up the app.</p>
      <NotifyLoaded />
    </main>
  );
}
