import { useCallback, useEffect, useRef } from 'react';
import type { OutboxStore } from '../../outbox/types';
import { valuesFrom, type FormValues } from './formValues';

const DRAFT_DELAY_MS = 300;

/**
 * Keeps the unsaved form for `scope` in the store (debounced, and at once when the panel is
 * hidden or closed) and restores it on reopen, unless the person has already started typing.
 * Drafts are best effort; the outbox is the guarantee for saved observations.
 */
export function useDraft(
  store: OutboxStore,
  scope: string,
  values: FormValues,
  onRestore: (values: FormValues) => void,
): { clear: () => Promise<void> } {
  const ready = useRef(false);
  const initial = useRef(values);
  const latest = useRef(values);
  latest.current = values;
  const restore = useRef(onRestore);
  restore.current = onRestore;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const writeNow = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!ready.current) return;
    const v = latest.current;
    const write = v.text.trim()
      ? store.putDraft({ scope, ...v, savedAt: new Date().toISOString() })
      : store.deleteDraft(scope);
    write.catch(() => undefined);
  }, [store, scope]);

  useEffect(() => {
    ready.current = false;
    let live = true;
    const settle = () => {
      ready.current = true;
      // Typed before the draft arrived: keep what is on screen, and keep it safe.
      if (latest.current !== initial.current) writeNow();
    };
    store.getDraft(scope).then(
      (draft) => {
        if (!live) return;
        if (draft && latest.current === initial.current) {
          const restored = valuesFrom(draft);
          initial.current = restored;
          latest.current = restored;
          restore.current(restored);
        }
        settle();
      },
      () => {
        if (live) settle();
      },
    );
    return () => {
      live = false;
    };
  }, [store, scope, writeNow]);

  useEffect(() => {
    if (!ready.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(writeNow, DRAFT_DELAY_MS);
  }, [values, writeNow]);

  useEffect(() => {
    const flush = () => {
      if (timer.current !== undefined) writeNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [writeNow]);

  const clear = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    await store.deleteDraft(scope).catch(() => undefined);
  }, [store, scope]);

  return { clear };
}
