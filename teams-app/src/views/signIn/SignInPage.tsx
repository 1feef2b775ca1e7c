import { useEffect, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { describeProblem } from '../../api/errors';
import type { DevPerson } from '../../api/types';
import { useLocalAuth } from '../../app/LocalAuthContext';
import { fetchDevPeople, fetchDevToken } from '../../auth/devSignIn';
import { Heading } from '../../components/Heading';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import { humanise } from '../../forms/fields';
import { navigate, safeReturnTo, useLocation } from '../../routing/router';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    maxWidth: '32rem',
  },
  person: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
  lines: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  detail: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  // Read by screen readers only, so the button's name starts with what it does.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

function describePerson(person: DevPerson): string {
  const roles = person.roles.map(humanise).join(', ');
  return person.partnerName ? `${roles}, ${person.partnerName}` : roles;
}

/** Local mode only: pick a demo person; the server issues a token for them. */
export function SignInPage() {
  const styles = useStyles();
  const localAuth = useLocalAuth();
  const { search } = useLocation();
  const returnTo = safeReturnTo(new URLSearchParams(search).get('returnTo'));
  const [people, setPeople] = useState<DevPerson[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchDevPeople().then(
      (list) => live && setPeople(list),
      (error: unknown) => live && setStatus(errorStatus(describeProblem(error))),
    );
    return () => {
      live = false;
    };
  }, []);

  const signIn = async (person: DevPerson) => {
    if (!localAuth || busy) return;
    setBusy(person.upn);
    setStatus({ kind: 'info', text: `Signing in as ${person.displayName}…` });
    try {
      const token = await fetchDevToken(person.upn);
      localAuth.store(token.access_token, token.expires_in);
      navigate(returnTo, { replace: true });
    } catch (error) {
      setStatus(errorStatus(describeProblem(error)));
      setBusy(null);
    }
  };

  return (
    <>
      <Heading level={1}>Sign in</Heading>
      <p>Choose a demo person to sign in as. This page is only for local testing.</p>
      <StatusArea status={status} />
      {people === null && !status && <p>Loading people…</p>}
      {people && people.length === 0 && <p>No demo people are set up.</p>}
      {people && people.length > 0 && (
        <ul className={styles.list}>
          {people.map((person) => {
            // The name is the visible text (WCAG 2.5.3, label in name) after a hidden verb.
            return (
              <li key={person.upn}>
                <Button
                  className={styles.person}
                  disabledFocusable={busy !== null}
                  onClick={() => void signIn(person)}
                >
                  <span className={styles.lines}>
                    <span>
                      <span className={styles.visuallyHidden}>Sign in as </span>
                      {person.displayName}
                    </span>
                    <span className={styles.detail}>{person.upn}</span>
                    <span className={styles.detail}>{describePerson(person)}</span>
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
