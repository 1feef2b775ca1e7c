import { useId, type KeyboardEvent, type Ref } from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { PartnerItem } from '../../api/types';
import { partnerNumberFromKey } from './shortcuts';

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
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  key: {
    display: 'inline-block',
    minWidth: '1.25em',
    marginRight: tokens.spacingHorizontalXS,
    textAlign: 'center',
    fontFamily: tokens.fontFamilyMonospace,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

interface PartnerPickerProps {
  legend: string;
  partners: readonly PartnerItem[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** A number key ticked a partner that may not have focus: the caller announces it. */
  onKeyToggle?: (name: string, checked: boolean) => void;
  hint?: string;
  /** Esc inside the group: back to the text box. */
  onEscape?: () => void;
  groupRef?: Ref<HTMLFieldSetElement>;
  disabled?: boolean;
}

/**
 * One checkbox per partner, named by the partner alone. The numbers 1–9 shown beside the first
 * nine are keys: pressed inside the group they tick or untick that partner.
 */
export function PartnerPicker({
  legend,
  partners,
  selected,
  onChange,
  hint,
  onEscape,
  onKeyToggle,
  groupRef,
  disabled,
}: PartnerPickerProps) {
  const styles = useStyles();
  const hintId = useId();

  const toggle = (partner: PartnerItem, checked: boolean) => {
    const next = checked
      ? [...selected.filter((id) => id !== partner.id), partner.id]
      : selected.filter((id) => id !== partner.id);
    // Keep the partners' own order so the request body is stable.
    const ids = partners.map((p) => p.id).filter((id) => next.includes(id));
    onChange(ids);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (disabled) return;
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    const number = partnerNumberFromKey(event);
    const partner = number ? partners[number - 1] : undefined;
    if (!partner) return;
    event.preventDefault();
    const checked = !selected.includes(partner.id);
    toggle(partner, checked);
    onKeyToggle?.(partner.name, checked);
  };

  return (
    <fieldset
      ref={groupRef}
      className={styles.fieldset}
      aria-describedby={hint ? hintId : undefined}
      onKeyDown={onKeyDown}
    >
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
      {partners.length === 0 && <span>No partners are set up yet.</span>}
      {partners.map((partner, i) => (
        <Checkbox
          key={partner.id}
          disabled={disabled}
          label={
            <>
              {i < 9 && (
                <span aria-hidden="true" className={styles.key}>
                  {i + 1}
                </span>
              )}
              {partner.name}
            </>
          }
          checked={selected.includes(partner.id)}
          onChange={(_, data) => toggle(partner, data.checked === true)}
        />
      ))}
    </fieldset>
  );
}
