import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Decision } from '../../../../src/domain/vocabulary';
import { decisionLabels } from '../../forms/fields';
import { useApi } from '../../api/ApiContext';
import { ApiError, describeProblem } from '../../api/errors';
import { isAuthError } from '../../auth/authProvider';
import { Heading } from '../../components/Heading';
import { StatusArea, type Status } from '../../components/StatusArea';
import { isoDateFromToday } from '../../format/dates';
import { IdentifiableWarning } from '../../guard/IdentifiableWarning';
import { useIdentifiableCheck } from '../../guard/useIdentifiableCheck';
import { ActionSlot } from './ActionSlot';
import {
  ACTIONS_HINT,
  decisionChoices,
  KEPT,
  NEED_DECISION,
  NEED_RATIONALE,
  RATIONALE_MAX,
} from './labels';
import {
  linkPath,
  type ActionDraft,
  type LinkView,
  type RecordedResult,
  type ResponseDraft,
} from './types';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  actions: { display: 'grid', gap: tokens.spacingVerticalM },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const DRAFT_PREFIX = 'critical-friend.respond-draft.';

const blankAction = (key: number): ActionDraft => ({
  key,
  description: '',
  ownerId: '',
  targetDate: '',
  evidenceExpected: '',
});

const isDecision = (value: unknown): value is Decision =>
  typeof value === 'string' && (decisionChoices as readonly string[]).includes(value);

/** What was typed before a sign-in interrupted it (kept in this browser tab only). */
function restoreDraft(key: string): ResponseDraft | null {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const value = raw as Partial<Record<keyof ResponseDraft, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const actions = Array.isArray(value.actions)
      ? value.actions.map((a: unknown, i) => {
          const o = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
          return {
            key: i,
            description: text(o.description),
            ownerId: text(o.ownerId),
            targetDate: text(o.targetDate),
            evidenceExpected: text(o.evidenceExpected),
          };
        })
      : [];
    return {
      decision: isDecision(value.decision) ? value.decision : '',
      rationale: text(value.rationale),
      actions: actions.length ? actions : [blankAction(0)],
    };
  } catch {
    return null;
  }
}

const typedAnything = (d: ResponseDraft) =>
  !!d.decision ||
  !!d.rationale ||
  d.actions.some((a) => a.description || a.ownerId || a.targetDate || a.evidenceExpected);

const decisionHints: Record<Decision, string> = {
  accept: 'Give at least one action below.',
  'partially-accept':
    'Give at least one action for the part you accept. The Strategic Leadership Group rules on the rest.',
  decline:
    'A decline proposes no actions: anything typed in them is not recorded. The Strategic Leadership Group rules on it.',
};

interface ResponseFormProps {
  view: LinkView;
  token: string;
  onRecorded: (result: RecordedResult) => void;
}

/**
 * The card's response form on the web: decision, rationale and up to five actions with owners
 * chosen from the partner's people. The server checks everything again; whatever it refuses, the
 * form keeps what was typed (also across a sign-in, in this browser tab).
 */
export function ResponseForm({ view, token, onRecorded }: ResponseFormProps) {
  const styles = useStyles();
  const api = useApi();
  const draftKey = `${DRAFT_PREFIX}${view.recommendationId}.${view.partnerId}`;
  const [restored] = useState(() => restoreDraft(draftKey));
  const [draft, setDraft] = useState<ResponseDraft>(
    () => restored ?? { decision: '', rationale: '', actions: [blankAction(0)] },
  );
  const nextKey = useRef(Math.max(0, ...draft.actions.map((a) => a.key)) + 1);
  const [status, setStatus] = useState<Status | null>(
    restored
      ? { kind: 'info', text: 'What you typed before signing in is back in the form.' }
      : null,
  );
  const [checked, setChecked] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [focusAdd, setFocusAdd] = useState(0);
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const rationaleFinding = useIdentifiableCheck(draft.rationale);
  const today = isoDateFromToday(0);

  // After a removal, focus goes to "Add another action" (rendered again if the form was full).
  useEffect(() => {
    if (focusAdd) addRef.current?.focus();
  }, [focusAdd]);

  useEffect(() => {
    if (typedAnything(draft)) window.sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, draftKey]);

  const change = (patch: Partial<ResponseDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeAction = (key: number, value: ActionDraft) =>
    setDraft((d) => ({ ...d, actions: d.actions.map((a) => (a.key === key ? value : a)) }));
  const addAction = () => {
    const key = nextKey.current++;
    setDraft((d) => ({ ...d, actions: [...d.actions, blankAction(key)] }));
    setFocusKey(key);
  };
  const removeAction = (key: number) => {
    setDraft((d) => ({ ...d, actions: d.actions.filter((a) => a.key !== key) }));
    setFocusKey(null);
    setFocusAdd((n) => n + 1);
  };

  const decisionMissing = checked && !draft.decision;
  const rationaleMissing = checked && !draft.rationale.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    setChecked(true);
    const missing = [
      !draft.decision && NEED_DECISION,
      !draft.rationale.trim() && NEED_RATIONALE,
    ].filter((p): p is string => typeof p === 'string');
    if (missing.length) {
      setStatus({
        kind: 'error',
        text: 'Your response is not ready to send yet.',
        details: missing,
      });
      if (!draft.decision)
        formRef.current?.querySelector<HTMLInputElement>('input[name="decision"]')?.focus();
      else rationaleRef.current?.focus();
      return;
    }
    busy.current = true;
    setSending(true);
    setStatus({ kind: 'info', text: 'Sending your response…' });
    try {
      const result = await api.post<RecordedResult>(`${linkPath(token)}/response`, {
        decision: draft.decision,
        rationale: draft.rationale,
        actions: draft.actions.map(({ description, ownerId, targetDate, evidenceExpected }) => ({
          description,
          ownerId,
          targetDate,
          evidenceExpected,
        })),
      });
      window.sessionStorage.removeItem(draftKey);
      onRecorded(result);
    } catch (error) {
      // An expired sign-in goes to the sign-in page; the draft above brings the text back.
      if (isAuthError(error)) {
        setStatus(null);
        return;
      }
      const problem = describeProblem(error);
      const lines = problem.text.split('\n').filter((l) => l.trim());
      const identifying = error instanceof ApiError && error.code === 'identifiable-data';
      setRefused(identifying ? [...error.fields] : []);
      const network = error instanceof ApiError && error.status === 0;
      setStatus({
        kind: 'error',
        text:
          lines.length > 1 ? 'Your response was not recorded. Please fix these:' : (lines[0] ?? ''),
        details: [
          ...(lines.length > 1 ? lines : []),
          ...problem.details,
          network ? `${KEPT} Send it again: it is recorded only once.` : KEPT,
        ],
      });
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  const rationaleMessage = rationaleFinding ? (
    <IdentifiableWarning finding={rationaleFinding} />
  ) : refused.includes('rationale') ? (
    'Rewrite this: it appears to identify a child or family.'
  ) : rationaleMissing ? (
    NEED_RATIONALE
  ) : undefined;

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="your-response"
    >
      <Heading level={2} id="your-response">
        Your response for {view.partnerName}
      </Heading>
      <Field
        label="Your decision"
        required
        hint={draft.decision ? decisionHints[draft.decision] : undefined}
        validationState={decisionMissing ? 'error' : 'none'}
        validationMessage={decisionMissing ? NEED_DECISION : undefined}
      >
        <RadioGroup
          name="decision"
          value={draft.decision}
          onChange={(_, d) => isDecision(d.value) && change({ decision: d.value })}
        >
          {decisionChoices.map((d) => (
            <Radio key={d} value={d} label={decisionLabels[d]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Rationale"
        required
        hint="Why? Every response needs a rationale."
        validationState={rationaleMessage ? 'error' : 'none'}
        validationMessage={rationaleMessage}
      >
        <Textarea
          ref={rationaleRef}
          value={draft.rationale}
          maxLength={RATIONALE_MAX}
          rows={5}
          resize="vertical"
          onChange={(_, d) => change({ rationale: d.value })}
        />
      </Field>
      <section className={styles.actions} aria-labelledby="proposed-actions">
        <Heading level={3} id="proposed-actions">
          Proposed actions
        </Heading>
        <p className={styles.hint}>{ACTIONS_HINT}</p>
        {draft.actions.map((action, i) => (
          <ActionSlot
            key={action.key}
            slot={i + 1}
            value={action}
            owners={view.owners}
            today={today}
            focus={focusKey === action.key}
            refused={refused}
            onChange={(value) => changeAction(action.key, value)}
            {...(draft.actions.length > 1 ? { onRemove: () => removeAction(action.key) } : {})}
          />
        ))}
        {draft.actions.length < view.maxActions && (
          <div>
            <Button ref={addRef} onClick={addAction}>
              Add another action
            </Button>
          </div>
        )}
        {draft.actions.length >= view.maxActions && (
          <p className={styles.hint}>That is the most actions one response can propose.</p>
        )}
      </section>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={sending}>
          Submit response
        </Button>
      </div>
      <StatusArea status={status} />
    </form>
  );
}
