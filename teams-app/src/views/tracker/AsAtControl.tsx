import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Input, Label, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, isoDateFromToday } from '../../format/dates';
import { validAsAt } from './useAsAt';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  hint: {
    width: '100%',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  bannerText: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

interface AsAtControlProps {
  /** What is shown, for the banner: "tracker" or "dashboard". */
  what: string;
  asAt: string | undefined;
  onChange: (asAt: string | undefined) => void;
  /** Shown at the end of the same row, e.g. a download button. */
  actions?: ReactNode;
}

/** Chooses the date to look back to; empty means now. A past date gets an unmissable banner. */
export function AsAtControl({ what, asAt, onChange, actions }: AsAtControlProps) {
  const styles = useStyles();
  const id = useId();
  const [value, setValue] = useState(asAt ?? '');
  const [shown, setShown] = useState(asAt);
  // Follow the address when it changes from outside (Back, a shared link, "Back to today").
  if (shown !== asAt) {
    setShown(asAt);
    setValue(asAt ?? '');
  }
  const today = isoDateFromToday(0);

  // Applied on Show (not on every change) so typing a year does not reload the page per digit.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = validAsAt(value);
    onChange(chosen && chosen < today ? chosen : undefined);
  };

  return (
    <>
      <div className={styles.row}>
        <form className={styles.form} onSubmit={submit} aria-label={`Date of the ${what}`}>
          <div className={styles.field}>
            <Label htmlFor={`${id}-date`}>As at</Label>
            <Input
              id={`${id}-date`}
              type="date"
              value={value}
              max={today}
              aria-describedby={`${id}-hint`}
              onChange={(_, data) => setValue(data.value)}
            />
          </div>
          <Button type="submit">Show</Button>
          <span id={`${id}-hint`} className={styles.hint}>
            Leave empty for today.
          </span>
        </form>
        {actions}
      </div>
      {asAt && (
        <div role="status" className={styles.banner}>
          <p className={styles.bannerText}>
            Showing the {what} as it stood at the end of {formatDate(asAt)}
          </p>
          <Button onClick={() => onChange(undefined)}>Back to today</Button>
        </div>
      )}
    </>
  );
}
