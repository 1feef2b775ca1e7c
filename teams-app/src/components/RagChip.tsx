import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ragLabels, type Rag, type RagVerdict } from '../../../src/domain/rag';

// A plain span like ClassBadge (Fluent's Badge is heavy). The word and the shape carry the
// meaning; colour only reinforces it. Palette tokens have light, dark and high-contrast values.
const useStyles = makeStyles({
  base: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  icon: { flexShrink: 0 },
  red: {
    color: tokens.colorPaletteRedForeground2,
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
  },
  amber: {
    color: tokens.colorPaletteDarkOrangeForeground2,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  paused: {
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  green: {
    color: tokens.colorPaletteGreenForeground2,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
});

/** A distinct shape per RAG (so it reads in greyscale and to people who do not see colour). */
export function RagShape({ rag, className }: { rag: Rag; className?: string }) {
  const common = {
    width: 12,
    height: 12,
    viewBox: '0 0 12 12',
    'aria-hidden': true,
    focusable: false,
    fill: 'currentColor',
    className,
  } as const;
  switch (rag) {
    case 'red': // a warning triangle
      return (
        <svg {...common}>
          <path d="M6 0.5 L11.5 11 H0.5 Z" />
        </svg>
      );
    case 'amber': // a circle
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="5" />
        </svg>
      );
    case 'paused': // the pause sign
      return (
        <svg {...common}>
          <rect x="1.5" y="1" width="3" height="10" />
          <rect x="7.5" y="1" width="3" height="10" />
        </svg>
      );
    case 'green': // a tick
      return (
        <svg {...common}>
          <path d="M1 6.5 L4.5 10 L11 2.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
        </svg>
      );
  }
}

/** The RAG in words with its shape; the reason is the chip's tooltip (shown in words elsewhere). */
export function RagChip({ verdict }: { verdict: RagVerdict }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.base, styles[verdict.rag])} title={verdict.reason}>
      <RagShape rag={verdict.rag} className={styles.icon} />
      {ragLabels[verdict.rag]}
    </span>
  );
}
