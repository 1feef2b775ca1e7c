import { useCallback, useMemo, useState } from 'react';

/** A task's button asks the verification section to open one form. */
export type WorkRequest =
  | { form: 'verify'; actionId: string }
  | { form: 'impact-outcome'; actionId: string; impactCheckId: string };

export interface WorkLink {
  /** The latest request, numbered so asking twice for the same form still moves focus. */
  request: (WorkRequest & { seq: number }) | null;
  open: (request: WorkRequest) => void;
  /** Bumped after the scrutineer acts, so tasks and verification both read again. */
  version: number;
  changed: () => void;
}

/** Ties the tasks list to the verification section, which sit apart on the page. */
export function useWorkLink(): WorkLink {
  const [request, setRequest] = useState<WorkLink['request']>(null);
  const [version, setVersion] = useState(0);
  const open = useCallback(
    (next: WorkRequest) => setRequest((last) => ({ ...next, seq: (last?.seq ?? 0) + 1 })),
    [],
  );
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  return useMemo(() => ({ request, open, version, changed }), [request, open, version, changed]);
}
