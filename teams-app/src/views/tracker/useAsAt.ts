import { useCallback } from 'react';
import { currentLocation, navigate, useLocation } from '../../routing/router';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date `YYYY-MM-DD`, else undefined (a mistyped link shows today). */
export function validAsAt(value: string | null | undefined): string | undefined {
  if (!value || !ISO_DATE.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
    ? value
    : undefined;
}

/** `?asAt=` for an API path, or nothing for now. */
export function asAtQuery(asAt: string | undefined): string {
  return asAt ? `?asAt=${encodeURIComponent(asAt)}` : '';
}

/**
 * The as-at date lives in the page's query (`?asAt=2026-10-12`), so a shared link or a SharePoint
 * page can open the tracker or dashboard as it stood on that date. Other query values are kept.
 */
export function useAsAt(): [string | undefined, (asAt: string | undefined) => void] {
  const { search } = useLocation();
  const asAt = validAsAt(new URLSearchParams(search).get('asAt'));
  const setAsAt = useCallback((next: string | undefined) => {
    const url = new URL(currentLocation(), window.location.origin);
    if (next) url.searchParams.set('asAt', next);
    else url.searchParams.delete('asAt');
    navigate(url.pathname + url.search);
  }, []);
  return [asAt, setAsAt];
}
