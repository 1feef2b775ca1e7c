import { useEffect } from 'react';
import { useHost } from '../host/HostContext';
import { notifyLoaded } from '../host/teamsHost';

/** Rendered beside the first view, so Teams hides its spinner only once there is something to see. */
export function NotifyLoaded() {
  const host = useHost();
  useEffect(() => notifyLoaded(host), [host]);
  return null;
}
