import { useId, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Heading } from '../../components/Heading';
import { LookPatterns, patternId, type Look } from './chartLooks';
import { DataTable, type TableData } from './DataTable';

const WIDTH = 640;
const LABEL_W = 190;
const NOTE_W = 130;
const ROW_H = 30;
const BAR_H = 18;
const AXIS_H = 22;
const PLOT_W = WIDTH - LABEL_W - NOTE_W;

export interface Series {
  key: string;
  label: string;
  look: Look;
}

export interface Bar {
  key: string;
  label: string;
  /** One value per series, in the series' order; stacked left to right. */
  values: number[];
  /** Words at the bar's end, e.g. the total or the percentages. */
  note: string;
}

interface BarChartProps {
  title: string;
  /** What the chart shows, in words: the image's accessible name. */
  summary: string;
  series: Series[];
  bars: Bar[];
  table: TableData;
  /** Each bar fills the width (shares of its total) rather than a common scale. */
  shares?: boolean;
  /** A line across the bars, e.g. the budget. */
  marker?: { value: number; label: string };
}

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL },
  svg: { width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', display: 'block' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axisText: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  note: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  segment: { stroke: tokens.colorNeutralBackground1, strokeWidth: 1 },
  track: { fill: 'none', stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  marker: { stroke: tokens.colorNeutralForeground1, strokeWidth: 2, strokeDasharray: '4 3' },
  legend: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
  },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** A step that gives about five grid lines at round numbers. */
function niceStep(max: number): number {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return Math.max(step, 1);
}

const clip = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Horizontal (stacked) bars drawn by hand, with a key and a table of the same numbers. */
export function BarChart({ title, summary, series, bars, table, shares, marker }: BarChartProps) {
  const styles = useStyles();
  // Sanitised: the id goes into `url(#…)` references.
  const id = `chart${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [showTable, setShowTable] = useState(false);
  const totals = bars.map((b) => b.values.reduce((a, v) => a + v, 0));
  const top = shares ? 1 : Math.max(1, ...totals, marker?.value ?? 0);
  const step = shares ? 0.25 : niceStep(top);
  const axisMax = shares ? 1 : Math.ceil(top / step) * step;
  const ticks = Array.from({ length: Math.round(axisMax / step) + 1 }, (_, i) => i * step);
  const x = (v: number) => LABEL_W + (v / axisMax) * PLOT_W;
  const height = bars.length * ROW_H + AXIS_H + 4;

  return (
    <section aria-labelledby={`${id}-title`} className={styles.section}>
      <Heading level={3} id={`${id}-title`}>
        {title}
      </Heading>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className={styles.svg}
      >
        <LookPatterns chartId={id} />
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={bars.length * ROW_H} className={styles.grid} />
            <text
              x={x(t)}
              y={bars.length * ROW_H + 16}
              textAnchor="middle"
              className={styles.axisText}
            >
              {shares ? `${Math.round(t * 100)}%` : t}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const y = i * ROW_H + (ROW_H - BAR_H) / 2;
          const total = totals[i] ?? 0;
          let start = 0;
          return (
            <g key={bar.key}>
              <text x={LABEL_W - 8} y={y + BAR_H - 4} textAnchor="end" className={styles.label}>
                {clip(bar.label)}
              </text>
              {bar.values.map((value, s) => {
                const share = shares ? (total ? value / total : 0) : value;
                const from = start;
                start += share;
                const look = series[s]?.look ?? 'brand';
                return share > 0 ? (
                  <rect
                    key={series[s]?.key ?? s}
                    x={x(from)}
                    y={y}
                    width={Math.max(x(from + share) - x(from), 1)}
                    height={BAR_H}
                    fill={`url(#${patternId(id, look)})`}
                    className={styles.segment}
                  />
                ) : null;
              })}
              <text x={WIDTH - NOTE_W + 8} y={y + BAR_H - 4} className={styles.note}>
                {bar.note}
              </text>
            </g>
          );
        })}
        {marker && (
          <line
            x1={x(marker.value)}
            x2={x(marker.value)}
            y1={0}
            y2={bars.length * ROW_H}
            className={styles.marker}
          />
        )}
      </svg>
      {(series.length > 1 || marker) && (
        <ul className={styles.legend} aria-label={`Key to ${title.toLowerCase()}`}>
          {series.map((s) => (
            <li key={s.key} className={styles.key}>
              <svg width="16" height="12" aria-hidden="true">
                <rect
                  width="16"
                  height="12"
                  fill={`url(#${patternId(id, s.look)})`}
                  className={styles.segment}
                />
              </svg>
              {s.label}
            </li>
          ))}
          {marker && (
            <li className={styles.key}>
              <svg width="16" height="12" aria-hidden="true">
                <line x1="8" x2="8" y1="0" y2="12" className={styles.marker} />
              </svg>
              {marker.label} (dashed line)
            </li>
          )}
        </ul>
      )}
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={showTable}
        aria-controls={showTable ? `${id}-table` : undefined}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Hide the figures' : 'Show the figures'}
        <span className={styles.visuallyHidden}> for {title.toLowerCase()}</span>
      </Button>
      {showTable && <DataTable id={`${id}-table`} caption={title} data={table} />}
    </section>
  );
}
