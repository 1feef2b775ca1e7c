import { useEffect, useState } from 'react';
import { checkText, type TextFinding } from './findings';

const DELAY_MS = 150;

/**
 * Checks text a moment after typing pauses. The result is for display; saving checks again on
 * the exact text it sends, so a save never depends on this debounce having run.
 */
export function useIdentifiableCheck(text: string, delayMs = DELAY_MS): TextFinding | null {
  const [finding, setFinding] = useState<TextFinding | null>(null);
  useEffect(() => {
    let live = true;
    if (!text.trim()) {
      setFinding(null);
      return;
    }
    const timer = setTimeout(() => {
      checkText(text).then(
        (result) => {
          if (live) setFinding(result);
        },
        // If the guard cannot load, the save path says so; nothing to show while typing.
        () => undefined,
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, delayMs]);
  return finding;
}
