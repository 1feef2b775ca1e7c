import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  base: { marginTop: 0, marginBottom: tokens.spacingVerticalS },
  h1: typographyStyles.title3,
  h2: typographyStyles.subtitle1,
  h3: typographyStyles.subtitle2,
});

interface HeadingProps {
  level: 1 | 2 | 3;
  id?: string;
  children: ReactNode;
}

/** Real heading elements (so the outline is navigable) in Fluent's type ramp. */
export function Heading({ level, id, children }: HeadingProps) {
  const styles = useStyles();
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={mergeClasses(styles.base, styles[Tag])}>
      {children}
    </Tag>
  );
}
