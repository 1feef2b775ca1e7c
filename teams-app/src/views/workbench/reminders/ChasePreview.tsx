import { useCallback, useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import {
  getReminderPreview,
  type ReminderNotice,
  type ReminderStage,
} from '../../../api/reminders';
import { useResource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { formatDate } from '../../../format/dates';
import { SubHeading } from '../SubHeading';
import { englandDate, groupByPerson, isIsoDate, roleText, stageText } from './words';

const useStyles = makeStyles({
  part: { display: 'grid', gap: tokens.spacingVerticalM },
  picker: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  summary: { margin: 0 },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  person: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  notices: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  reference: { fontWeight: tokens.fontWeightSemibold },
  late: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  told: { color: tokens.colorNeutralForeground2 },
});

const kindText: Record<ReminderNotice['kind'], string> = {
  response: 'response from',
  action: 'action for',
};

const late = (stage: ReminderStage) => stage !== 'reminder';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One item in a person's digest, as a sentence. */
function NoticeLine({ notice }: { notice: ReminderNotice }) {
  const styles = useStyles();
  return (
    <li>
      <span className={styles.reference}>{notice.reference || 'No reference'}</span>
      {`: ${kindText[notice.kind]} ${notice.partnerName || 'a partner no longer recorded'}, due ${formatDate(notice.dueDate)}. `}
      <span className={mergeClasses(late(notice.stage) && styles.late)}>
        {stageText(notice.stage, notice.workingDaysToDue)}
      </span>
      {` (${roleText[notice.role]})`}
      {notice.given && <span className={styles.told}>, already told</span>}
    </li>
  );
}

/**
 * Who the reminder run on a day would chase, and about what, one group per person (each gets one
 * digest card): for the scrutineer and the business unit to check the chain before anyone is told.
 */
export function ChasePreview() {
  const styles = useStyles();
  const api = useApi();
  const [today] = useState(() => englandDate());
  const [typed, setTyped] = useState(today);
  const [shown, setShown] = useState(today);
  const [dateProblem, setDateProblem] = useState<string>();
  const load = useCallback(() => getReminderPreview(api, shown), [api, shown]);
  const preview = useResource(load);
  // Only the answer for the day asked about: an earlier day's list never stands in for it.
  const answer = preview.data?.date === shown ? preview.data : undefined;
  const groups = answer ? groupByPerson(answer.notices) : [];

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(typed)) {
      setDateProblem('Choose a day, such as 12 June 2026.');
      return;
    }
    setDateProblem(undefined);
    if (typed === shown) preview.reload();
    else setShown(typed);
  };

  let summary = '';
  if (preview.loading) summary = `Reading who is due a reminder on ${formatDate(shown)}…`;
  else if (answer && answer.notices.length === 0)
    summary = `Nobody is due a reminder or escalation on ${formatDate(answer.date)}.`;
  else if (answer) {
    const told = answer.notices.filter((n) => n.given).length;
    summary =
      `On ${formatDate(answer.date)}: ${plural(answer.notices.length, 'item', 'items')} for ` +
      `${plural(groups.length, 'person', 'people')}` +
      (told > 0 ? `, ${told} of them already told.` : '.');
  }

  return (
    <div className={styles.part}>
      <Heading level={3} id="chase-heading">
        Who will be chased
      </Heading>
      <form className={styles.picker} onSubmit={show} noValidate aria-labelledby="chase-heading">
        <Field
          label="Day of the run"
          required
          validationState={dateProblem ? 'error' : 'none'}
          validationMessage={dateProblem}
        >
          <Input type="date" value={typed} onChange={(_, d) => setTyped(d.value)} />
        </Field>
        <Button type="submit">Show who will be chased</Button>
      </form>
      <p role="status" aria-live="polite" className={styles.summary}>
        {summary}
      </p>
      {preview.problem && !preview.loading && (
        <ProblemText problem={preview.problem} onRetry={preview.reload} />
      )}
      {!preview.loading && groups.length > 0 && answer && (
        <ul className={styles.people} aria-label={`Chased on ${formatDate(answer.date)}`}>
          {groups.map((group) => (
            <li key={group.personId} className={styles.person}>
              <SubHeading>{group.personName}</SubHeading>
              <ul className={styles.notices}>
                {group.notices.map((notice, i) => (
                  // Two partners' responses to one recommendation share a subject: keep the index.
                  <NoticeLine key={`${notice.kind}:${notice.subjectId}:${i}`} notice={notice} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
