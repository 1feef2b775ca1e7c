import { useCallback, useEffect, useState } from 'react';
import { isAuthError } from '../auth/authProvider';
import { describeProblem, type Problem } from './errors';

export interface Resource<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a view. `load` must be stable (useCallback) or the data reloads on each render;
 * `version` lets a parent ask for a reload after a change elsewhere on the page.
 */
export function useResource<T>(load: () => Promise<T>, version = 0): Resource<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setProblem(undefined);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setLoading(false);
        // An auth problem is handled once, by the app shell (sign-in page or message).
        if (!isAuthError(error)) setProblem(describeProblem(error));
      },
    );
    return () => {
      live = false;
    };
  }, [load, version, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, problem, loading, reload };
}
