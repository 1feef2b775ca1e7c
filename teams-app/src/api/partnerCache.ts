import type { PartnerItem } from './types';

const KEY = 'critical-friend.partners';

/**
 * The last partner list this device saw: organisation names only, kept so an offline side panel
 * can still tick partners. Storage may be refused (third-party frames); then there is no cache.
 */
export const partnerCache = {
  read(): PartnerItem[] | undefined {
    try {
      const raw = localStorage.getItem(KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      return Array.isArray(parsed) ? (parsed as PartnerItem[]) : undefined;
    } catch {
      return undefined;
    }
  },
  write(partners: readonly PartnerItem[]): void {
    try {
      localStorage.setItem(KEY, JSON.stringify(partners));
    } catch {
      // Not kept: the list is fetched again next time.
    }
  },
};
