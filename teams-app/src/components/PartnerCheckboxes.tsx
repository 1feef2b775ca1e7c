import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { PartnerItem } from '../api/types';

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

interface PartnerCheckboxesProps {
  legend: string;
  partners: readonly PartnerItem[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/** One checkbox per partner, each labelled with the partner's name, in a named group. */
export function PartnerCheckboxes({
  legend,
  partners,
  selected,
  onChange,
}: PartnerCheckboxesProps) {
  const styles = useStyles();
  const toggle = (id: string, checked: boolean) => {
    const rest = selected.filter((s) => s !== id);
    // Keep the partners' own order so the request body is stable.
    const next = checked ? [...rest, id] : rest;
    onChange(partners.map((p) => p.id).filter((pid) => next.includes(pid)));
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {partners.length === 0 && <span>No partners are set up yet.</span>}
      {partners.map((partner) => (
        <Checkbox
          key={partner.id}
          label={partner.name}
          checked={selected.includes(partner.id)}
          onChange={(_, data) => toggle(partner.id, data.checked === true)}
        />
      ))}
    </fieldset>
  );
}
