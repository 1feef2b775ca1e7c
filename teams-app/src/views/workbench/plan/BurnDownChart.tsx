import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanSummary } from '../../../api/types';
import { actualMonths, burnDownSummary, tickStep } from './burnDown';
import { formatShortMonth } from './planFormat';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 16, top: 12, bottom: 28 };

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', display: 'block' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axisText: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  ideal: {
    fill: 'none',
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: 2,
    strokeDasharray: '6 4',
  },
  remaining: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 3 },
  point: { fill: tokens.colorBrandForeground1 },
  legend: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
  },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** Days remaining month by month against the ideal straight line; the table beside has the figures. */
export function BurnDownChart({ summary }: { summary: PlanSummary }) {
  const styles = useStyles();
  const months = summary.burnDown;
  const actual = actualMonths(months);
  const max = Math.max(
    summary.days.contracted,
    ...months.map((m) => m.ideal),
    ...actual.map((m) => m.remaining),
    1,
  );
  // Remaining goes below zero once the contracted days are overspent.
  const min = Math.min(0, ...actual.map((m) => m.remaining));
  const step = tickStep(max - min);
  const top = Math.ceil(max / step) * step;
  const bottom = Math.floor(min / step) * step;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (months.length > 1 ? (i * plotW) / (months.length - 1) : 0);
  const y = (v: number) => PAD.top + plotH * (1 - (v - bottom) / (top - bottom));
  const ticks = Array.from(
    { length: Math.round((top - bottom) / step) + 1 },
    (_, i) => bottom + i * step,
  );
  const line = (points: { i: number; v: number }[]) =>
    points.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const idealPoints = months.map((m, i) => ({ i, v: m.ideal }));
  const remainingPoints = months.flatMap((m, i) =>
    m.remaining === null || m.cumulative === null ? [] : [{ i, v: m.remaining }],
  );

  return (
    <div>
      <svg
        role="img"
        aria-label={burnDownSummary(summary)}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={styles.svg}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(t)}
              y2={y(t)}
              className={styles.grid}
            />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className={styles.axisText}>
              {t}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <text
            key={m.month}
            x={x(i)}
            y={HEIGHT - 8}
            textAnchor="middle"
            className={styles.axisText}
          >
            {formatShortMonth(m.month)}
          </text>
        ))}
        <polyline points={line(idealPoints)} className={styles.ideal} />
        {remainingPoints.length > 0 && (
          <polyline points={line(remainingPoints)} className={styles.remaining} />
        )}
        {remainingPoints.map((p) => (
          <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={4} className={styles.point} />
        ))}
      </svg>
      <ul className={styles.legend} aria-label="Chart key">
        <li className={styles.key}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" className={styles.remaining} />
          </svg>
          Days remaining (solid line with dots)
        </li>
        <li className={styles.key}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" className={styles.ideal} />
          </svg>
          Ideal, spending evenly (dashed line)
        </li>
      </ul>
    </div>
  );
}
