import { makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../api/types';
import type { Resource } from '../../api/useResource';
import { Heading } from '../../components/Heading';
import { mayRecordChair } from './reminders/access';
import { ChairTerms } from './reminders/ChairTerms';
import { ChasePreview } from './reminders/ChasePreview';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalXL },
  rules: { margin: 0, maxWidth: '50rem' },
});

/**
 * Reminders and escalation, for the scrutineer and the business unit: who a day's run would
 * chase, and who holds the partnership chair (the business unit records a new chair here).
 */
export function RemindersSection({ me }: { me: Resource<Me> }) {
  const styles = useStyles();
  return (
    <section
      aria-labelledby="reminders-heading"
      id="reminders"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="reminders-heading">
        Reminders
      </Heading>
      <p className={styles.rules}>
        Owners of open responses and actions are reminded 5 and 1 working days before the due date
        and told it is overdue the next working day. At 5, 10 and 15 working days past due it is
        escalated to their delegated safeguarding partner (DSP), then the partnership chair, then
        the lead safeguarding partners (LSPs). Each person gets one digest card a working day with
        all their items, sent between 08:00 and 18:00 on working days. These are the defaults set by
        the server’s configuration; your partnership may have changed them.
      </p>
      <ChasePreview />
      <ChairTerms mayRecord={mayRecordChair(me)} />
    </section>
  );
}
