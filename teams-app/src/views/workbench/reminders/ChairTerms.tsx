import { lazy, Suspense, useCallback, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import { getChairTerms, getPeople } from '../../../api/reminders';
import { useResource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { formatDate } from '../../../format/dates';
import { englandDate, termOn } from './words';

// The form (and Fluent's Dropdown with it) loads only for the business unit, who records terms.
const ChairTermForm = lazy(() => import('./ChairTermForm'));

const useStyles = makeStyles({
  part: { display: 'grid', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  terms: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  today: { color: tokens.colorNeutralForeground2 },
});

/**
 * Who has held the partnership chair and when, latest first (escalation goes to whoever holds it
 * on the day), and for the business unit the form to record a new chair.
 */
export function ChairTerms({ mayRecord }: { mayRecord: boolean }) {
  const styles = useStyles();
  const api = useApi();
  const loadTerms = useCallback(() => getChairTerms(api), [api]);
  const terms = useResource(loadTerms);
  const loadPeople = useCallback(() => getPeople(api), [api]);
  const people = useResource(loadPeople);
  const [today] = useState(() => englandDate());
  const names = new Map((people.data ?? []).map((p) => [p.id, p.displayName]));
  const nameOf = (id: string) => names.get(id) ?? 'someone no longer recorded';
  const list = terms.data ?? [];
  const current = termOn(list, today);
  // Names come from the people list: wait for it (or for its failure) before listing terms.
  const ready = terms.data !== undefined && (people.data !== undefined || !!people.problem);

  return (
    <div className={styles.part}>
      <Heading level={3}>Partnership chair</Heading>
      <p className={styles.text}>
        Escalation to the chair goes to whoever holds the chair on the day it is due.
      </p>
      {terms.problem && <ProblemText problem={terms.problem} onRetry={terms.reload} />}
      {people.problem && <ProblemText problem={people.problem} onRetry={people.reload} />}
      {!ready && !terms.problem && <p className={styles.text}>Loading the chair’s terms…</p>}
      {ready && list.length === 0 && (
        <p className={styles.text}>
          No terms are recorded yet: escalation to the chair goes to whoever has the partnership
          chair role.
        </p>
      )}
      {ready && list.length > 0 && (
        <ul className={styles.terms} aria-label="Chair terms, latest first">
          {list.map((term) => (
            <li key={term.id}>
              <span className={styles.name}>{nameOf(term.personId)}</span>
              {`: from ${formatDate(term.startsOn)} `}
              {term.endsOn
                ? `until ${formatDate(term.endsOn)}`
                : term.startsOn > today
                  ? 'onwards'
                  : 'to date'}
              {term.id === current?.id && (
                <span className={styles.today}> (holds the chair today)</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <Suspense fallback={<p className={styles.text}>Loading the form…</p>}>
          <ChairTermForm people={people.data ?? []} terms={list} onRecorded={terms.reload} />
        </Suspense>
      )}
    </div>
  );
}
