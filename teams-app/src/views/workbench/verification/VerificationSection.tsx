import { lazy, Suspense } from 'react';
import type { Me } from '../../../api/types';
import type { Resource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { canWrite } from '../useMe';
import type { WorkLink } from './workLink';
import { useWorkStyles } from './workStyles';

const VerificationBody = lazy(() => import('./VerificationBody'));

/** Every action by status; the scrutineer verifies, reopens, pauses, resumes and checks impact. */
export function VerificationSection({ me, link }: { me: Resource<Me>; link: WorkLink }) {
  const styles = useWorkStyles();
  return (
    <section
      aria-labelledby="verification-heading"
      id="verification"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="verification-heading">
        Verification
      </Heading>
      <Suspense fallback={<p>Loading actions…</p>}>
        <VerificationBody canAct={canWrite(me)} link={link} />
      </Suspense>
    </section>
  );
}
