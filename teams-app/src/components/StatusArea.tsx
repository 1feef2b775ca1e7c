import { makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../api/errors';

export type Status =
  { kind: 'success' | 'info'; text: string } | { kind: 'error'; text: string; details?: string[] };

const useStyles = makeStyles({
  message: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  success: { color: tokens.colorPaletteGreenForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function errorStatus(problem: Problem): Status {
  return { kind: 'error', text: problem.text, details: problem.details };
}

/**
 * Both live regions are always in the page, because screen readers only announce changes to a
 * region that already exists. Errors go to the assertive one.
 */
export function StatusArea({ status }: { status: Status | null }) {
  const styles = useStyles();
  const polite = status && status.kind !== 'error' ? status : null;
  const error = status?.kind === 'error' ? status : null;
  return (
    <>
      <div role="status" aria-live="polite" className={styles.message}>
        {polite && (
          <span className={polite.kind === 'success' ? styles.success : undefined}>
            {polite.text}
          </span>
        )}
      </div>
      <div role="alert" aria-live="assertive">
        {error && (
          <div className={`${styles.message} ${styles.error}`}>
            <span>{error.text}</span>
            {error.details && error.details.length > 0 && (
              <ul className={styles.list}>
                {error.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </>
  );
}
