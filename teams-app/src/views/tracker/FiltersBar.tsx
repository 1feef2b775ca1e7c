import { useId } from 'react';
import { Button, Label, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { Choice, TrackerFilters } from './trackerFilters';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, width: '100%' },
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

const fields: { key: keyof TrackerFilters; label: string; all: string }[] = [
  { key: 'partner', label: 'Partner', all: 'All partners' },
  { key: 'theme', label: 'Theme', all: 'All themes' },
  { key: 'priority', label: 'Priority', all: 'All priorities' },
  { key: 'rag', label: 'RAG', all: 'All RAG statuses' },
];

interface FiltersBarProps {
  choices: Record<keyof TrackerFilters, Choice[]>;
  filters: TrackerFilters;
  onChange: (filters: TrackerFilters) => void;
  onClear: () => void;
}

/** Narrows the rows on this page; nothing is asked of the server. */
export function FiltersBar({ choices, filters, onChange, onClear }: FiltersBarProps) {
  const styles = useStyles();
  const id = useId();
  const active = Object.values(filters).some(Boolean);
  return (
    <fieldset className={styles.bar}>
      <legend className={styles.legend}>Filter the tracker</legend>
      {fields.map((field) => (
        <div key={field.key} className={styles.field}>
          <Label htmlFor={`${id}-${field.key}`}>{field.label}</Label>
          <Select
            id={`${id}-${field.key}`}
            value={filters[field.key]}
            onChange={(_, data) => onChange({ ...filters, [field.key]: data.value })}
          >
            <option value="">{field.all}</option>
            {choices[field.key].map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      {active && <Button onClick={onClear}>Clear filters</Button>}
    </fieldset>
  );
}
