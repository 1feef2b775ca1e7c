import type { ApiClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ObservationItem } from '../../api/types';
import { isAuthError } from '../../auth/authProvider';
import { checkText, rewriteAdvice, warningText } from '../../guard/findings';
import type { ObservationFields } from '../../outbox/types';
import type { FormValues } from './formValues';

export type EditResult =
  | { kind: 'saved'; item: ObservationItem }
  /** 412: changed by someone else since it was read. */
  | { kind: 'conflict' }
  /** 409: promoted into a finding, so no longer editable. */
  | { kind: 'promoted'; message: string }
  | { kind: 'offline' }
  | { kind: 'signIn' }
  | { kind: 'refused'; message: string };

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** A PATCH body: what changed; `lineOfEnquiry: null` clears it. */
export type ObservationChanges = Partial<Omit<ObservationFields, 'lineOfEnquiry'>> & {
  lineOfEnquiry?: ObservationFields['lineOfEnquiry'] | null;
};

/** Only what changed, so an edit does not rewrite fields the person did not touch. */
export function changesBetween(item: ObservationItem, values: FormValues): ObservationChanges {
  const changes: ObservationChanges = {};
  const text = values.text.trim();
  if (text !== item.text) changes.text = text;
  if (values.evidenceClass && values.evidenceClass !== item.evidenceClass) {
    changes.evidenceClass = values.evidenceClass;
  }
  if (!sameIds(values.partnerIds, item.partnerIds ?? [])) changes.partnerIds = values.partnerIds;
  // "None" on one that had a line of enquiry clears it: the API takes null for that.
  if ((values.lineOfEnquiry || null) !== (item.lineOfEnquiry ?? null)) {
    changes.lineOfEnquiry = values.lineOfEnquiry || null;
  }
  if (values.source !== item.source) changes.source = values.source;
  return changes;
}

/** PATCH with the etag the person started from (If-Match), mapped to what to tell them. */
export async function editObservation(
  api: ApiClient,
  item: ObservationItem,
  values: FormValues,
): Promise<EditResult> {
  const changes = changesBetween(item, values);
  if (Object.keys(changes).length === 0) return { kind: 'saved', item };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline' };
  try {
    const updated = await api.patch<ObservationItem | undefined>(
      `/api/observations/${encodeURIComponent(item.id)}`,
      changes,
      { ifMatch: item.etag },
    );
    return { kind: 'saved', item: updated ?? { ...item, ...changes } };
  } catch (error) {
    if (isAuthError(error)) return { kind: 'signIn' };
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 0) return { kind: 'offline' };
    if (error.status === 412) return { kind: 'conflict' };
    if (error.status === 409) {
      return {
        kind: 'promoted',
        message:
          'This observation has already been promoted to a finding, so it can no longer be edited here. Edit the finding instead.',
      };
    }
    if (error.code === 'identifiable-data') {
      const found = await checkText(values.text).catch(() => null);
      return {
        kind: 'refused',
        message: found
          ? `Not saved. ${warningText(found)} ${rewriteAdvice}`
          : `Not saved. ${error.message}`,
      };
    }
    const issues = error.issues.map((issue) => issue.message).join(' ');
    return { kind: 'refused', message: `Not saved. ${error.message}${issues ? ` ${issues}` : ''}` };
  }
}
