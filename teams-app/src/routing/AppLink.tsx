import type { MouseEvent, ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { navigate } from './router';

interface AppLinkProps {
  to: string;
  current?: boolean;
  children: ReactNode;
}

/** A real link (so it can be opened in a new tab) that navigates in place on a plain click. */
export function AppLink({ to, current, children }: AppLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <Link href={to} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
