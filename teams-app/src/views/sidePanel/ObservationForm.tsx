import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { EvidenceClass, LineOfEnquiry } from '../../../../src/domain/vocabulary';
import { useApi } from '../../api/ApiContext';
import { describeProblem } from '../../api/errors';
import type { ObservationItem, PartnerItem } from '../../api/types';
import { isAuthError } from '../../auth/authProvider';
import { PartnerCheckboxes } from '../../components/PartnerCheckboxes';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import {
  evidenceClassLabels,
  evidenceClassOptions,
  lineOfEnquiryOptions,
  observationColumns as columns,
} from '../../forms/fields';
import { classFromShortcut, isSaveKey, shortcutHint } from './shortcuts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
});

interface ObservationFormProps {
  partners: readonly PartnerItem[];
  meetingId: string | undefined;
  onSaved: (item: ObservationItem) => void;
}

export function ObservationForm({ partners, meetingId, onSaved }: ObservationFormProps) {
  const styles = useStyles();
  const api = useApi();
  const textRef = useRef<HTMLTextAreaElement>(null);
  // One key per observation: a retry after a lost answer must not store it twice.
  const keyRef = useRef<string | null>(null);
  const [text, setText] = useState('');
  const [evidenceClass, setEvidenceClass] = useState<EvidenceClass | ''>('');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [lineOfEnquiry, setLineOfEnquiry] = useState<LineOfEnquiry | ''>('');
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const edited = () => {
    keyRef.current = null;
  };

  const save = async () => {
    if (saving) return;
    const trimmed = text.trim();
    if (!trimmed) {
      setStatus({ kind: 'error', text: 'Write the observation first.' });
      textRef.current?.focus();
      return;
    }
    if (!evidenceClass) {
      setStatus({ kind: 'error', text: 'Choose a class: Alt+1, Alt+2 or Alt+3.' });
      return;
    }
    keyRef.current ??= crypto.randomUUID();
    const body = {
      text: trimmed,
      evidenceClass,
      partnerIds,
      source: 'meeting' as const,
      ...(meetingId ? { meetingId } : {}),
      ...(lineOfEnquiry ? { lineOfEnquiry } : {}),
      idempotencyKey: keyRef.current,
    };
    setSaving(true);
    setStatus({ kind: 'info', text: 'Saving…' });
    try {
      const item = await api.post<ObservationItem>('/api/observations', body);
      keyRef.current = null;
      setText('');
      onSaved(item);
      setStatus({ kind: 'success', text: 'Observation saved.' });
      textRef.current?.focus();
    } catch (error) {
      // The typed text stays in the box so nothing is lost; the server says what to change.
      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error)));
    } finally {
      setSaving(false);
    }
  };

  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const chosen = classFromShortcut(event);
    if (!chosen) return;
    event.preventDefault();
    setEvidenceClass(chosen);
    edited();
    setStatus({ kind: 'info', text: `Class: ${evidenceClassLabels[chosen]}` });
  };

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isSaveKey({ ...event, isComposing: event.nativeEvent.isComposing })) return;
    event.preventDefault();
    void save();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} onKeyDown={onFormKeyDown} noValidate>
      <Field label={columns.text.label} hint={shortcutHint}>
        <Textarea
          ref={textRef}
          value={text}
          maxLength={columns.text.maxLength}
          rows={4}
          resize="vertical"
          onChange={(_, data) => {
            setText(data.value);
            edited();
          }}
          onKeyDown={onTextKeyDown}
        />
      </Field>
      <Field label={columns.evidenceClass.label}>
        <RadioGroup
          value={evidenceClass}
          onChange={(_, data) => {
            setEvidenceClass(data.value as EvidenceClass);
            edited();
          }}
        >
          {evidenceClassOptions.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </RadioGroup>
      </Field>
      <PartnerCheckboxes
        legend={columns.partnerIds.label}
        partners={partners}
        selected={partnerIds}
        onChange={(ids) => {
          setPartnerIds(ids);
          edited();
        }}
      />
      <Field label={columns.lineOfEnquiry.label}>
        <Select
          value={lineOfEnquiry}
          onChange={(_, data) => {
            setLineOfEnquiry(data.value as LineOfEnquiry | '');
            edited();
          }}
        >
          <option value="">None</option>
          {lineOfEnquiryOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save observation
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
