import type { DomainError } from '../domain/result.js';

/** A request the caller must fix; maps to a 4xx with this message. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 412 | 413 | 422 | 428,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export const forbidden = (message: string) => new RequestError(403, 'forbidden', message);
export const notFound = (message: string) => new RequestError(404, 'not-found', message);
export const invalid = (code: string, message: string) => new RequestError(400, code, message);

/** An update sent without the etag it was based on: it could overwrite someone else's change. */
export const preconditionRequired = () =>
  new RequestError(
    428,
    'precondition-required',
    'Send the If-Match header with the etag of the item you are changing.',
  );

/** Turns a refused domain transition into the matching request error. */
export function fromDomain(error: DomainError): RequestError {
  const status = error.code === 'not-found' ? 404 : error.code === 'invalid' ? 400 : 409;
  return new RequestError(status, error.code, error.message);
}
