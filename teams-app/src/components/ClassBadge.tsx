import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { EvidenceClass } from '../../../src/domain/vocabulary';
import { evidenceClassLabels } from '../forms/observationFields';

// A plain span rather than Fluent's Badge: it is on the side panel's first load and Badge adds ~13 kB.
const useStyles = makeStyles({
  base: {
    display: 'inline-block',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  'gone-well': {
    color: tokens.colorPaletteGreenForeground2,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
  'too-early': {
    color: tokens.colorPaletteDarkOrangeForeground2,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  worry: {
    color: tokens.colorPaletteRedForeground2,
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
  },
});

/** The class in words (colour only reinforces it). */
export function ClassBadge({ value }: { value: EvidenceClass }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.base, styles[value])}>{evidenceClassLabels[value]}</span>
  );
}
