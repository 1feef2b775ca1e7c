import {
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { PartnerItem } from '../../api/types';
import type { Status } from '../../components/StatusArea';
import { evidenceClassLabels, observationColumns as columns } from '../../forms/observationFields';
import { checkText, rewriteAdvice, warningText } from '../../guard/findings';
import { IdentifiableWarning } from '../../guard/IdentifiableWarning';
import { loadGuard } from '../../guard/loadGuard';
import { useIdentifiableCheck } from '../../guard/useIdentifiableCheck';
import type { OutboxControl } from '../../outbox/lazyOutbox';
import type { OutboxStore, TeamsMeetingRef } from '../../outbox/types';
import { ClassRadios } from './ClassRadios';
import { EnquiryAndSource } from './EnquiryAndSource';
import { emptyValues, fieldsFrom, type FormValues } from './formValues';
import { PartnerPicker } from './PartnerPicker';
import {
  classFromShortcut,
  isPartnerShortcut,
  isSaveKey,
  partnerHint,
  shortcutHint,
} from './shortcuts';
import { useDraft } from './useDraft';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
});

/** Where a saved observation belongs: a known record, or a Teams meeting still to be linked. */
export interface MeetingLink {
  meetingId?: string;
  teamsMeeting?: TeamsMeetingRef;
}

interface ObservationFormProps {
  partners: readonly PartnerItem[];
  scope: string;
  link: MeetingLink;
  store: OutboxStore;
  outbox: OutboxControl;
  onStatus: (status: Status | null) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
}

/** What is left in the box after saving `saved`: anything typed since Enter is kept. */
function remainder(current: string, saved: string): string {
  if (current === saved) return '';
  return current.startsWith(saved) ? current.slice(saved.length).trimStart() : current;
}

/**
 * Capture, keyboard first: type, Alt+1/2/3 for the class, Alt+P then digits for partners,
 * Enter to save. Saving puts the observation in the outbox on this device before anything is
 * sent, and only the text is cleared, so the next observation starts with the same choices.
 */
export function ObservationForm({
  partners,
  scope,
  link,
  store,
  outbox,
  onStatus,
  textRef,
}: ObservationFormProps) {
  const styles = useStyles();
  const partnerGroupRef = useRef<HTMLFieldSetElement>(null);
  const saving = useRef(false);
  const [values, setValues] = useState<FormValues>(emptyValues);
  const finding = useIdentifiableCheck(values.text);
  const draft = useDraft(store, scope, values, (restored) => {
    setValues(restored);
    onStatus({ kind: 'info', text: 'Your unsaved observation was restored.' });
  });

  // Fetch the guard now, while online: saving checks the text first and must work offline too.
  useEffect(() => {
    loadGuard().catch(() => undefined);
  }, []);

  // A refusal stays on screen until the person changes the text it was about.
  const refused = useRef(false);
  const refuse = (status: Status) => {
    refused.current = true;
    onStatus(status);
  };
  const change = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));
  const changeText = (text: string) => {
    change({ text });
    if (refused.current) {
      refused.current = false;
      onStatus(null);
    }
  };
  const focusText = () => textRef.current?.focus();

  const save = async () => {
    if (saving.current) return;
    const typed = values.text;
    const fields = fieldsFrom(values);
    if (!typed.trim()) {
      refuse({ kind: 'error', text: 'Write the observation first.' });
      focusText();
      return;
    }
    if (!fields) {
      refuse({ kind: 'error', text: 'Choose a class: Alt+1, Alt+2 or Alt+3.' });
      return;
    }
    saving.current = true;
    try {
      let found;
      try {
        found = await checkText(fields.text);
      } catch {
        refuse({
          kind: 'error',
          text: 'The check for identifying details could not load, so nothing was saved. Check the connection and press Enter again; your text is still in the box.',
        });
        return;
      }
      if (found) {
        refuse({
          kind: 'error',
          text: `Not saved. ${warningText(found)}`,
          details: [rewriteAdvice],
        });
        focusText();
        return;
      }
      try {
        await outbox.add({ scope, fields, ...link });
      } catch {
        refuse({
          kind: 'error',
          text: 'This device could not keep the observation, so it was not saved. Your text is still in the box; press Enter to try again.',
        });
        return;
      }
      await draft.clear();
      setValues((v) => ({ ...v, text: remainder(v.text, typed) }));
      focusText();
    } finally {
      saving.current = false;
    }
  };

  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const chosen = classFromShortcut(event);
    if (chosen) {
      event.preventDefault();
      change({ evidenceClass: chosen });
      onStatus({ kind: 'info', text: `Class: ${evidenceClassLabels[chosen]}` });
      return;
    }
    if (isPartnerShortcut(event)) {
      event.preventDefault();
      partnerGroupRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
      return;
    }
    // Enter on a class or partner saves too, so the hands never leave the keyboard.
    const target = event.target as HTMLInputElement;
    if (
      target.tagName === 'INPUT' &&
      (target.type === 'radio' || target.type === 'checkbox') &&
      isSaveKey({ ...event, isComposing: event.nativeEvent.isComposing })
    ) {
      event.preventDefault();
      void save();
    }
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
      <Field
        label={columns.text.label}
        hint={shortcutHint}
        validationState={finding ? 'error' : 'none'}
        validationMessage={finding ? <IdentifiableWarning finding={finding} /> : undefined}
      >
        <Textarea
          ref={textRef}
          value={values.text}
          maxLength={columns.text.maxLength}
          rows={4}
          resize="vertical"
          onChange={(_, data) => changeText(data.value)}
          onKeyDown={onTextKeyDown}
        />
      </Field>
      <ClassRadios value={values.evidenceClass} onChange={(v) => change({ evidenceClass: v })} />
      <PartnerPicker
        legend={columns.partnerIds.label}
        hint={partnerHint}
        partners={partners}
        selected={values.partnerIds}
        groupRef={partnerGroupRef}
        onEscape={focusText}
        onChange={(partnerIds) => change({ partnerIds })}
        onKeyToggle={(name, checked) =>
          onStatus({ kind: 'info', text: `${name}: ${checked ? 'ticked' : 'not ticked'}` })
        }
      />
      <EnquiryAndSource
        lineOfEnquiry={values.lineOfEnquiry}
        source={values.source}
        onChange={change}
      />
      <div>
        <Button type="submit" appearance="primary">
          Save observation
        </Button>
      </div>
    </form>
  );
}
