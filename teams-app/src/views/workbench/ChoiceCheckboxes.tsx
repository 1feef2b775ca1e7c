import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { Option } from '../../forms/fields';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

interface ChoiceCheckboxesProps<V extends string> {
  legend: string;
  options: readonly Option<V>[];
  selected: readonly V[];
  onChange: (values: V[]) => void;
}

/** A named group of checkboxes; the values keep the options' order. */
export function ChoiceCheckboxes<V extends string>({
  legend,
  options,
  selected,
  onChange,
}: ChoiceCheckboxesProps<V>) {
  const styles = useStyles();
  const toggle = (value: V, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((s) => s !== value);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {options.length === 0 && <span>Nothing to choose yet.</span>}
      {options.map((option) => (
        <Checkbox
          key={option.value}
          label={option.label}
          checked={selected.includes(option.value)}
          onChange={(_, data) => toggle(option.value, data.checked === true)}
        />
      ))}
    </fieldset>
  );
}
