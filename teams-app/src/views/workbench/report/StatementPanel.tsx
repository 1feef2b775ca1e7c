import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { yearlyReports } from '../../../../../src/domain/lists/yearly-reports';
import { yearLabel } from '../../../../../src/domain/plan-year';
import { useApi } from '../../../api/ApiContext';
import { Heading } from '../../../components/Heading';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { formatDate } from '../../../format/dates';
import { fieldMessage, formProblem } from '../formProblem';
import { useFormStyles } from '../formStyles';
import { useWorkStyles } from '../verification/workStyles';
import { summaryPrompts } from './labels';
import { saveSummary, signOff, type YearlyReportItem } from './reportApi';

const useStyles = makeStyles({
  confirm: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    maxWidth: '40rem',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface StatementPanelProps {
  year: number;
  report: YearlyReportItem | null;
  canWrite: boolean;
  /** The summary as typed, kept by the section. */
  draft: string;
  onDraft: (text: string) => void;
  /** Saved or signed off: read the checklist again. */
  onChanged: () => void;
}

/** The summary judgement (the scrutineer's own words), and the sign-off that freezes the year. */
export function StatementPanel(props: StatementPanelProps) {
  const { year, report, canWrite, draft, onDraft, onChanged } = props;
  const styles = useWorkStyles();
  const form = useFormStyles();
  const api = useApi();
  const busy = useRef(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Where the keyboard goes after the confirmation opens or closes.
  const focusNext = useRef<'confirm' | 'sign' | null>(null);
  const local = useStyles();
  // What this panel saved, used until the reloaded checklist catches up.
  const [saved, setSaved] = useState<YearlyReportItem | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  useLayoutEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    (next === 'confirm' ? confirmButton : signButton).current?.focus();
  });

  const live = saved && (!report || saved.version >= report.version) ? saved : report;
  const label = yearLabel(year);

  if (live?.status === 'signed-off') {
    return (
      <div className={styles.body}>
        <Heading level={3}>Summary judgement</Heading>
        <p className={styles.line}>
          Signed off on {live.signedOffAt ? formatDate(live.signedOffAt) : 'a date not recorded'}.
          The year’s data is frozen: the statement is drawn from the snapshot taken then.
        </p>
        <p className={styles.quote}>
          {live.summaryJudgement || 'No summary judgement was written.'}
        </p>
        <StatusArea status={status} />
      </div>
    );
  }

  if (!canWrite) {
    return (
      <div className={styles.body}>
        <Heading level={3}>Summary judgement</Heading>
        <p className={styles.quote}>
          {live?.summaryJudgement || 'The scrutineer has not written the summary judgement yet.'}
        </p>
        <p className={styles.line}>Not signed off yet.</p>
      </div>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setRefused([]);
    setStatus({ kind: 'info', text: 'Saving the summary judgement…' });
    try {
      const item = await saveSummary(api, year, draft, live?.etag);
      setSaved(item);
      setStatus({ kind: 'success', text: `Summary judgement for ${label} saved.` });
      onChanged();
    } catch (error) {
      const problem = formProblem(
        error,
        'The report changed since this page read it. The latest version is being loaded: check it, then save again.',
      );
      setRefused(problem.fields);
      setStatus(problem.status);
      if (problem.conflict) onChanged();
    } finally {
      busy.current = false;
    }
  };

  const askSignOff = () => {
    if (!live) {
      setStatus({ kind: 'error', text: 'Save the summary judgement before signing off.' });
      return;
    }
    if ((live.summaryJudgement ?? '') !== draft) {
      setStatus({
        kind: 'error',
        text: 'The summary judgement has changes that are not saved. Save it before signing off.',
      });
      return;
    }
    setStatus(null);
    setConfirming(true);
    focusNext.current = 'confirm';
  };

  const cancelSignOff = () => {
    setConfirming(false);
    focusNext.current = 'sign';
  };

  const confirmSignOff = async () => {
    if (busy.current || !live) return;
    busy.current = true;
    setConfirming(false);
    setStatus({ kind: 'info', text: `Signing off ${label}…` });
    try {
      const item = await signOff(api, year, live.etag);
      setSaved(item);
      setStatus({ kind: 'success', text: `${label} is signed off.` });
      onChanged();
    } catch (error) {
      const problem = formProblem(
        error,
        'The report changed since this page read it. The latest version is being loaded: check it, then sign off again.',
        'Nothing was signed off.',
      );
      setStatus(problem.status);
      onChanged();
    } finally {
      busy.current = false;
    }
  };

  const refusedText = fieldMessage(refused, 'summaryJudgement');
  return (
    <div className={styles.body}>
      <Heading level={3}>Summary judgement</Heading>
      <form
        className={form.form}
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label="Summary judgement"
      >
        <Field
          label="Summary judgement"
          hint={summaryPrompts}
          validationState={refusedText ? 'error' : 'none'}
          validationMessage={refusedText}
        >
          <Textarea
            value={draft}
            rows={8}
            resize="vertical"
            maxLength={yearlyReports.columns.summaryJudgement.maxLength}
            onChange={(_, d) => onDraft(d.value)}
          />
        </Field>
        <div className={form.buttons}>
          <Button type="submit" appearance="primary">
            Save summary judgement
          </Button>
          <Button type="button" ref={signButton} aria-expanded={confirming} onClick={askSignOff}>
            Sign off {label}
          </Button>
        </div>
      </form>
      <StatusArea status={status} />
      {confirming && (
        <div role="group" aria-labelledby="sign-off-title" className={local.confirm}>
          <p id="sign-off-title" className={`${styles.line} ${styles.strong}`}>
            Sign off the statement for {label}?
          </p>
          <p className={styles.line}>
            Signing off freezes the year’s data as it stands now: the statement is drawn from that
            snapshot from then on, and the summary judgement can no longer be changed. Only the
            distribution log can be added to afterwards.
          </p>
          <div className={form.buttons}>
            <Button ref={confirmButton} appearance="primary" onClick={() => void confirmSignOff()}>
              Sign off and freeze
            </Button>
            <Button onClick={cancelSignOff}>Cancel</Button>
          </div>
        </div>
      )}
    </div>
  );
}
