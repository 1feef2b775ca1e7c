/** A typed outcome: transitions return errors as values so callers must handle illegal moves. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export type DomainErrorCode =
  'illegal-transition' | 'invalid' | 'not-named' | 'already-responded' | 'not-found';

export interface DomainError {
  code: DomainErrorCode;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: DomainErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
