import { makeStyles, tokens } from '@fluentui/react-components';
import { AppLink } from '../routing/AppLink';
import type { ViewKey } from '../routing/routes';

const useStyles = makeStyles({
  nav: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
});

const links: { view: ViewKey; to: string; label: string }[] = [
  { view: 'workbench', to: '/workbench', label: 'Workbench' },
  { view: 'sidePanel', to: '/side-panel', label: 'File an observation' },
  { view: 'tracker', to: '/tracker', label: 'Tracker' },
  { view: 'dashboard', to: '/dashboard', label: 'Dashboard' },
  { view: 'signIn', to: '/sign-in', label: 'Switch person' },
];

export function Nav({ view, showSignIn }: { view: ViewKey; showSignIn: boolean }) {
  const styles = useStyles();
  // In Entra mode there is no local sign-in to switch people with.
  const shown = showSignIn ? links : links.filter((link) => link.view !== 'signIn');
  return (
    <header>
      <nav aria-label="Critical Friend" className={styles.nav}>
        <ul className={styles.list}>
          {shown.map((link) => (
            <li key={link.to}>
              <AppLink to={link.to} current={link.view === view}>
                {link.label}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
