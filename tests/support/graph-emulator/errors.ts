/**
 * Graph's error shape, and the one exception type the emulator throws.
 *
 * Every error answer is `{ "error": { "code", "message", "innerError": { "date", "request-id",
 * "client-request-id" } } }`, as Microsoft documents it:
 * https://learn.microsoft.com/graph/errors (microsoft-graph-docs-contrib `concepts/errors.md`,
 * "Error resource type" and the example body). The `innerError` members are those shown in the
 * `$batch` example of https://learn.microsoft.com/graph/json-batching; the throttling sample in
 * https://learn.microsoft.com/graph/throttling adds `code` and `status` to `innerError`, which
 * `extraInner` carries.
 */

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: Record<string, string> & {
      date: string;
      'request-id': string;
      'client-request-id': string;
    };
  };
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extraInner: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Graph writes `innerError.date` without milliseconds or zone: "2020-08-18T12:51:51". */
export function innerDate(now: number): string {
  return new Date(now).toISOString().slice(0, 19);
}

export function errorBody(
  error: GraphError,
  ids: { requestId: string; clientRequestId: string },
  now: number,
): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        ...error.extraInner,
        date: innerDate(now),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

// Constructors for the errors the emulator answers with, so the codes stay in one place.

/** 400 for a request Graph cannot parse (batch payloads, query options). */
export const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

/** 400 `invalidRequest`: "The request is malformed or incorrect" (concepts/errors.md). */
export const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);

/** 404 `itemNotFound`: "The resource could not be found" (concepts/errors.md). */
export const notFound = (message: string) => new GraphError(404, 'itemNotFound', message);

/** 409 `nameAlreadyExists`: "The specified item name already exists" (concepts/errors.md). */
export const nameAlreadyExists = (message: string) =>
  new GraphError(409, 'nameAlreadyExists', message);
