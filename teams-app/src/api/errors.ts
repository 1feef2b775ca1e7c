export interface ErrorIssue {
  path: string | readonly (string | number)[];
  message: string;
}

/** The server's `{ "error": { code, message, issues?, matches? } }`, or a transport failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ErrorIssue[] = [],
    readonly matches: readonly unknown[] = [],
    /** For `identifiable-data`: the fields whose text was refused (names only, never the text). */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toIssues(value: unknown): ErrorIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((issue: unknown) => {
    if (!isRecord(issue) || typeof issue.message !== 'string') return [];
    const path = typeof issue.path === 'string' || Array.isArray(issue.path) ? issue.path : '';
    return [{ path: path as ErrorIssue['path'], message: issue.message }];
  });
}

/** Reads an error body without trusting its shape. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http-${status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `The server could not do that (status ${status}).`;
  const matches = Array.isArray(error?.matches) ? error.matches : [];
  const fields = Array.isArray(error?.fields)
    ? error.fields.flatMap((f: unknown) =>
        isRecord(f) && typeof f.field === 'string' ? [f.field] : [],
      )
    : [];
  return new ApiError(status, code, message, toIssues(error?.issues), matches, fields);
}

/** What a match from the identifiable-data check was, e.g. "phone number"; never the text. */
function describeMatch(match: unknown): string | null {
  if (typeof match === 'string') return match;
  if (!isRecord(match)) return null;
  for (const key of ['label', 'description', 'kind', 'type']) {
    const value = match[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

export interface Problem {
  text: string;
  details: string[];
}

export function describeProblem(error: unknown): Problem {
  if (error instanceof ApiError) {
    const issues = error.issues.map((issue) => issue.message);
    const found = error.matches.map(describeMatch).filter((m): m is string => m !== null);
    const details = [
      ...issues,
      ...(found.length ? [`Found: ${[...new Set(found)].join(', ')}.`] : []),
    ];
    return { text: error.message, details };
  }
  return {
    text: error instanceof Error ? error.message : 'Something went wrong. Please try again.',
    details: [],
  };
}
