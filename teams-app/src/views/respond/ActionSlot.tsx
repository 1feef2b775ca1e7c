import { useEffect, useRef } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { IdentifiableWarning } from '../../guard/IdentifiableWarning';
import { useIdentifiableCheck } from '../../guard/useIdentifiableCheck';
import { DESCRIPTION_MAX, EVIDENCE_MAX } from './labels';
import type { ActionDraft, LinkView } from './types';

const useStyles = makeStyles({
  slot: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
  },
  remove: { justifySelf: 'start' },
});

interface ActionSlotProps {
  slot: number;
  value: ActionDraft;
  owners: LinkView['owners'];
  /** Today, `YYYY-MM-DD`: a target date cannot be earlier. */
  today: string;
  onChange: (value: ActionDraft) => void;
  onRemove?: () => void;
  /** Moves focus to what will be done (a slot just added). */
  focus: boolean;
  /** The server refused text in these fields as identifying (schema names). */
  refused: readonly string[];
}

const refusedMessage = 'Rewrite this: it appears to identify a child or family.';

/** One proposed action, as on the card: what, who (chosen from the partner's people), when, evidence. */
export function ActionSlot({
  slot,
  value,
  owners,
  today,
  onChange,
  onRemove,
  focus,
  refused,
}: ActionSlotProps) {
  const styles = useStyles();
  const first = useRef<HTMLTextAreaElement>(null);
  const description = useIdentifiableCheck(value.description);
  const evidence = useIdentifiableCheck(value.evidenceExpected);
  useEffect(() => {
    if (focus) first.current?.focus();
  }, [focus]);
  const set = <K extends keyof ActionDraft>(key: K, v: ActionDraft[K]) =>
    onChange({ ...value, [key]: v });
  const id = `action-${value.key}`;
  const flagged = (finding: typeof description, field: string) =>
    finding
      ? ({
          validationState: 'error',
          validationMessage: <IdentifiableWarning finding={finding} />,
        } as const)
      : refused.includes(field)
        ? ({ validationState: 'error', validationMessage: refusedMessage } as const)
        : {};

  return (
    <fieldset className={styles.slot} aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className={styles.legend}>
        Action {slot}
      </legend>
      <Field label="What will be done" {...flagged(description, 'description')}>
        <Textarea
          ref={first}
          value={value.description}
          maxLength={DESCRIPTION_MAX}
          rows={3}
          resize="vertical"
          onChange={(_, d) => set('description', d.value)}
        />
      </Field>
      <div className={styles.row}>
        <Field label="Owner">
          <Select value={value.ownerId} onChange={(_, d) => set('ownerId', d.value)}>
            <option value="">Choose who owns it</option>
            {owners.map((o) => (
              <option key={o.personId} value={o.personId}>
                {o.jobTitle ? `${o.displayName}, ${o.jobTitle}` : o.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Target date" hint="Today or later.">
          <Input
            type="date"
            min={today}
            value={value.targetDate}
            onChange={(_, d) => set('targetDate', d.value)}
          />
        </Field>
      </div>
      <Field
        label="Evidence expected"
        hint="What will show it is done?"
        {...flagged(evidence, 'evidenceExpected')}
      >
        <Input
          value={value.evidenceExpected}
          maxLength={EVIDENCE_MAX}
          onChange={(_, d) => set('evidenceExpected', d.value)}
        />
      </Field>
      {onRemove && (
        <Button className={styles.remove} onClick={onRemove}>
          Remove action {slot}
        </Button>
      )}
    </fieldset>
  );
}
