import { Field, makeStyles, Select } from '@fluentui/react-components';
import { yearLabel } from '../../../../../src/domain/plan-year';

const useStyles = makeStyles({
  select: { maxWidth: '20rem' },
  // Read by screen readers only: what the view now shows, after the year is changed.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

interface ReportingYearPickerProps {
  /** Years with a plan. */
  years: readonly number[];
  /** The year containing today, offered even without a plan. */
  currentYear: number;
  value: number;
  onChange: (year: number) => void;
  /** Announced politely once the chosen year has loaded. */
  announcement: string;
}

/** 2026 → "2026/27 (current)"; "(no plan yet)" when the current year has none. */
export function yearOptionLabel(year: number, currentYear: number, hasPlan: boolean): string {
  if (year !== currentYear) return yearLabel(year);
  return `${yearLabel(year)} (current${hasPlan ? '' : ', no plan yet'})`;
}

/** Chooses the reporting year whose plan is shown; only the current year can be changed. */
export function ReportingYearPicker({
  years,
  currentYear,
  value,
  onChange,
  announcement,
}: ReportingYearPickerProps) {
  const styles = useStyles();
  const all = [...new Set([...years, currentYear])].sort((a, b) => b - a);
  return (
    <div>
      <Field
        label="Reporting year"
        hint="Years run from 1 April to 31 March. Past years are read-only."
      >
        <Select
          className={styles.select}
          value={String(value)}
          onChange={(_, d) => onChange(Number(d.value))}
        >
          {all.map((year) => (
            <option key={year} value={year}>
              {yearOptionLabel(year, currentYear, years.includes(year))}
            </option>
          ))}
        </Select>
      </Field>
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
    </div>
  );
}
