import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  // A plain anchor in Fluent's link colours: Fluent's Link would add ~10 kB to this chunk.
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

export const sections = [
  { id: 'plan', label: 'Scrutiny plan' },
  { id: 'inbox', label: 'Observations inbox' },
  { id: 'findings', label: 'Findings' },
  { id: 'recommendations', label: 'Recommendations' },
  { id: 'slg-items', label: 'SLG items' },
  { id: 'verification', label: 'Verification' },
  { id: 'case-reviews', label: 'Case reviews' },
  { id: 'disagreements', label: 'Disagreements' },
  { id: 'yearly-report', label: 'Yearly report' },
] as const;

/** Shown only to those who see the section (the scrutineer and the business unit). */
export const remindersLink = { id: 'reminders', label: 'Reminders' } as const;
/** First, for those who have tasks (the scrutineer and the business unit). */
export const tasksLink = { id: 'tasks', label: 'Tasks' } as const;
/** Last, for those who read the audit trail (the scrutineer and the business unit). */
export const auditLink = { id: 'audit', label: 'Audit trail' } as const;

/** In-page links; each section takes focus (tabindex -1) so keyboard users continue from there. */
export function WorkbenchNav({
  reminders = false,
  tasks = false,
  audit = false,
}: {
  reminders?: boolean;
  tasks?: boolean;
  audit?: boolean;
}) {
  const styles = useStyles();
  const links = [
    ...(tasks ? [tasksLink] : []),
    ...sections,
    ...(reminders ? [remindersLink] : []),
    ...(audit ? [auditLink] : []),
  ];
  return (
    <nav aria-label="On this page">
      <ul className={styles.list}>
        {links.map((s) => (
          <li key={s.id}>
            <a
              className={styles.link}
              href={`#${s.id}`}
              onClick={(event) => {
                const target = document.getElementById(s.id);
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView?.({ block: 'start' });
              }}
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
