import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { PartnerItem } from '../../api/types';
import { observationColumns as columns } from '../../forms/observationFields';
import { checkText, rewriteAdvice, warningText } from '../../guard/findings';
import { IdentifiableWarning } from '../../guard/IdentifiableWarning';
import { useIdentifiableCheck } from '../../guard/useIdentifiableCheck';
import { ClassRadios } from './ClassRadios';
import { EnquiryAndSource } from './EnquiryAndSource';
import type { FormValues } from './formValues';
import { PartnerPicker } from './PartnerPicker';
import { isSaveKey } from './shortcuts';

const useStyles = makeStyles({
  editor: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  problem: {
    color: tokens.colorPaletteRedForeground1,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

interface ObservationEditorProps {
  initial: FormValues;
  partners: readonly PartnerItem[];
  submitLabel: string;
  onSubmit: (values: FormValues) => void;
  onCancel: () => void;
  busy?: boolean;
  /** Shown, and announced, above the buttons: why the last attempt did not work. */
  problem?: ReactNode;
  /** Promoted already: the text stays readable but cannot be saved. */
  readOnly?: boolean;
}

/**
 * Edits one observation in place (a saved one, or a failed one before resending). Runs the same
 * identifiable-data check as capture and refuses to submit until the text is rewritten.
 */
export function ObservationEditor({
  initial,
  partners,
  submitLabel,
  onSubmit,
  onCancel,
  busy,
  problem,
  readOnly,
}: ObservationEditorProps) {
  const styles = useStyles();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [values, setValues] = useState(initial);
  const [ownProblem, setOwnProblem] = useState<string | null>(null);
  const finding = useIdentifiableCheck(values.text);
  const change = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));

  useEffect(() => textRef.current?.focus(), []);

  const submit = async () => {
    if (busy || readOnly) return;
    if (!values.text.trim()) {
      setOwnProblem('Write the observation first.');
      textRef.current?.focus();
      return;
    }
    const found = await checkText(values.text).catch(() => undefined);
    if (found === undefined) {
      setOwnProblem('The check for identifying details could not load. Try again.');
      return;
    }
    if (found) {
      setOwnProblem(`Not saved. ${warningText(found)} ${rewriteAdvice}`);
      textRef.current?.focus();
      return;
    }
    setOwnProblem(null);
    onSubmit(values);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (!isSaveKey({ ...event, isComposing: event.nativeEvent.isComposing })) return;
    event.preventDefault();
    void submit();
  };

  const shownProblem = ownProblem ?? problem;
  return (
    <div className={styles.editor}>
      <Field
        label="Edit observation"
        hint="Enter saves; Shift+Enter starts a new line; Esc cancels."
        validationState={finding ? 'error' : 'none'}
        validationMessage={finding ? <IdentifiableWarning finding={finding} /> : undefined}
      >
        <Textarea
          ref={textRef}
          value={values.text}
          readOnly={readOnly}
          maxLength={columns.text.maxLength}
          rows={4}
          resize="vertical"
          onChange={(_, data) => change({ text: data.value })}
          onKeyDown={onKeyDown}
        />
      </Field>
      <ClassRadios
        value={values.evidenceClass}
        disabled={readOnly}
        onChange={(v) => change({ evidenceClass: v })}
      />
      <PartnerPicker
        legend={columns.partnerIds.label}
        partners={partners}
        selected={values.partnerIds}
        disabled={readOnly}
        onChange={(partnerIds) => change({ partnerIds })}
      />
      <EnquiryAndSource
        lineOfEnquiry={values.lineOfEnquiry}
        source={values.source}
        disabled={readOnly}
        onChange={change}
      />
      <div role="alert">{shownProblem && <p className={styles.problem}>{shownProblem}</p>}</div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={busy || readOnly}
          onClick={() => void submit()}
        >
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{readOnly ? 'Close' : 'Cancel'}</Button>
      </div>
    </div>
  );
}
