import type { ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  h4: { ...typographyStyles.body1Strong, marginTop: 0, marginBottom: tokens.spacingVerticalXS },
});

/** A fourth-level heading, for groups inside a section's sub-sections. */
export function SubHeading({ id, children }: { id?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <h4 id={id} className={styles.h4}>
      {children}
    </h4>
  );
}
