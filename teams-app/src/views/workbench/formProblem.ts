import { ApiError, describeProblem } from '../../api/errors';
import { isAuthError } from '../../auth/authProvider';
import type { Status } from '../../components/StatusArea';

export const KEPT = 'What you typed is still in the form.';

export interface FormProblem {
  status: Status | null;
  /** Fields the server refused (e.g. identifiable data), by schema name. */
  fields: string[];
  /** 412: someone else changed the item first. */
  conflict: boolean;
}

/** Turns a failed save into what to tell the user; the form keeps its own state untouched. */
export function formProblem(error: unknown, conflictText?: string, kept = KEPT): FormProblem {
  // An expired sign-in is handled once, by the app shell.
  if (isAuthError(error)) return { status: null, fields: [], conflict: false };
  const problem = describeProblem(error);
  const api = error instanceof ApiError ? error : null;
  const conflict = api?.status === 412;
  return {
    status: {
      kind: 'error',
      text: conflict && conflictText ? conflictText : problem.text,
      details: [...problem.details, kept],
    },
    fields: api ? [...api.fields] : [],
    conflict,
  };
}

/** The per-field message for a field the identifiable-data check refused. */
export function fieldMessage(fields: readonly string[], name: string): string | undefined {
  return fields.includes(name)
    ? 'Rewrite this: it appears to identify a child or family.'
    : undefined;
}

export function isApiError(error: unknown, status: number, code?: string): error is ApiError {
  return error instanceof ApiError && error.status === status && (!code || error.code === code);
}
