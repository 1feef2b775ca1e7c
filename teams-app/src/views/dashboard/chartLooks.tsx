import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * How a series is drawn: a fill colour and a pattern. The pattern is what tells series apart in
 * high contrast (where Fluent's palette colours all become one) and to people who do not see
 * colour; the chart's table has the numbers.
 */
export type Look = 'red' | 'amber' | 'paused' | 'green' | 'brand' | 'over';

type Pattern = 'diagonal' | 'dots' | 'horizontal' | 'solid';
const patternOf: Record<Look, Pattern> = {
  red: 'diagonal',
  amber: 'dots',
  paused: 'horizontal',
  green: 'solid',
  brand: 'solid',
  over: 'diagonal',
};

export const looks = Object.keys(patternOf) as Look[];

export const useLookStyles = makeStyles({
  red: { fill: tokens.colorPaletteRedBackground3 },
  amber: { fill: tokens.colorPaletteMarigoldBackground3 },
  paused: { fill: tokens.colorNeutralForeground3 },
  green: { fill: tokens.colorPaletteGreenBackground3 },
  brand: { fill: tokens.colorBrandBackground },
  over: { fill: tokens.colorPaletteRedBackground3 },
  mark: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralBackground1 },
});

export const patternId = (chartId: string, look: Look) => `${chartId}-${look}`;

/** One `<pattern>` per look, for `fill="url(#…)"` in this chart and its key. */
export function LookPatterns({ chartId }: { chartId: string }) {
  const styles = useLookStyles();
  return (
    <defs>
      {looks.map((look) => {
        const pattern = patternOf[look];
        return (
          <pattern
            key={look}
            id={patternId(chartId, look)}
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
          >
            <rect width="6" height="6" className={styles[look]} />
            {pattern === 'diagonal' && (
              <path d="M-1 1 L1 -1 M0 6 L6 0 M5 7 L7 5" strokeWidth="1.5" className={styles.mark} />
            )}
            {pattern === 'dots' && <circle cx="3" cy="3" r="1.2" className={styles.mark} />}
            {pattern === 'horizontal' && (
              <path d="M0 3 H6" strokeWidth="1.5" className={styles.mark} />
            )}
          </pattern>
        );
      })}
    </defs>
  );
}
