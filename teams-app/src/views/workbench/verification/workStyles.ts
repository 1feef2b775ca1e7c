import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the tasks, verification and yearly report sections. */
export const useWorkStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  body: { display: 'grid', gap: tokens.spacingVerticalL },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    justifyItems: 'start',
  },
  line: { margin: 0 },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  due: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground2,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  formBox: { justifySelf: 'stretch' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});
