import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { getDeliveries } from '../../api/deliveries';
import { ApiError, describeProblem, type Problem } from '../../api/errors';
import type { Delivery } from '../../api/types';
import { isAuthError } from '../../auth/authProvider';

export const POLL_FIRST_MS = 1_000;
export const POLL_MAX_MS = 5_000;
const POLL_GROWTH = 1.5;

/** The wait before poll number `n` (from 0): 1 s, then half as long again each time, up to 5 s. */
export function pollDelay(n: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_FIRST_MS * POLL_GROWTH ** n));
}

export const anyPending = (deliveries: readonly Delivery[]) =>
  deliveries.some((d) => d.status === 'pending');

export interface DeliveriesState {
  deliveries: Delivery[] | undefined;
  /** The first read is under way (nothing to show yet). */
  loading: boolean;
  /** Some cards are still pending, so the list is read again shortly. */
  polling: boolean;
  /** The last read failed; the list shown (if any) is the one before it. */
  problem: Problem | undefined;
  /** Reading stopped after a refusal that asking again would not change (403, 404). */
  stopped: boolean;
  /** Starts again from this list (e.g. what a resend answered), or from a fresh read. */
  restart: (from?: readonly Delivery[]) => void;
}

/**
 * Each card's status for one issued recommendation, kept current while a fan-out runs: read
 * again while any card is pending, 1 s after the last answer at first and more slowly after
 * (up to every 5 s); no more reads once none is pending, or once the view is gone.
 * `initial` (e.g. what issuing answered) saves the first read.
 */
export function useDeliveries(
  recommendationId: string,
  initial?: readonly Delivery[],
): DeliveriesState {
  const api = useApi();
  const [seed, setSeed] = useState<{ from?: readonly Delivery[] }>(() => ({ from: initial }));
  const [deliveries, setDeliveries] = useState<Delivery[] | undefined>(() =>
    initial ? [...initial] : undefined,
  );
  const [loading, setLoading] = useState(false);
  const [polling, setPolling] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [stopped, setStopped] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;

    const later = () => {
      setPolling(true);
      timer = setTimeout(read, pollDelay(polls));
      polls += 1;
    };
    const show = (list: readonly Delivery[]) => {
      setDeliveries([...list]);
      if (anyPending(list)) later();
      else setPolling(false);
    };
    function read() {
      timer = undefined;
      getDeliveries(api, recommendationId).then(
        (list) => {
          if (!live) return;
          setLoading(false);
          setProblem(undefined);
          show(list);
        },
        (error: unknown) => {
          if (!live) return;
          setLoading(false);
          // An expired sign-in is handled once, by the app shell.
          if (isAuthError(error)) {
            setPolling(false);
            return;
          }
          setProblem(describeProblem(error));
          // A lost connection or a server error may pass; a refusal will not.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
            setPolling(false);
            setStopped(true);
            return;
          }
          later();
        },
      );
    }

    setStopped(false);
    setProblem(undefined);
    if (seed.from) show(seed.from);
    else {
      setLoading(true);
      read();
    }
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, recommendationId, seed]);

  const restart = useCallback((from?: readonly Delivery[]) => setSeed({ from }), []);
  return { deliveries, loading, polling, problem, stopped, restart };
}
