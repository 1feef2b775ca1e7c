import { Heading } from '../components/Heading';
import { AppLink } from '../routing/AppLink';

export function NotFound() {
  return (
    <>
      <Heading level={1}>Page not found</Heading>
      <p>
        There is no page here. Go to the <AppLink to="/workbench">workbench</AppLink>.
      </p>
    </>
  );
}
