import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { graphTime, type EmulatorClock } from './clock.js';
import type { ConflictBehavior, DriveItemRecord, Drives, StoredDrive } from './drives.js';
import { driveItemJson } from './drives.js';
import { errorBody, GraphError, invalidRequest, notFound } from './errors.js';
import type { RecordedRequest } from './server.js';
import type { IdentitySet } from './store.js';
import type { Injector } from './throttle.js';

/**
 * The pre-authenticated URLs Graph hands out for files, served outside /v1.0 as SharePoint
 * serves them on its own hosts:
 *
 * - upload sessions (https://learn.microsoft.com/graph/api/driveitem-createuploadsession):
 *   PUT byte ranges with Content-Range, 202 with `nextExpectedRanges` until the last byte, then
 *   201 with the driveItem; GET for the session's status; DELETE to cancel. "If you include the
 *   Authorization header when issuing the PUT call, it may result in an HTTP 401 Unauthorized
 *   response": the emulator always refuses it, so a client that leaks its token is caught.
 * - download URLs (https://learn.microsoft.com/graph/api/driveitem-get-content): "Preauthenticated
 *   download URLs ... don't require an Authorization header to download".
 *
 * Both go through the injector (throttling, failures) and are recorded like Graph calls.
 */

/** "the size of each byte range MUST be a multiple of 320 KiB (327,680 bytes)" (same page). */
export const FRAGMENT_UNIT = 327_680;
/** "the maximum bytes in any given request is less than 60 MiB" (same page). */
export const MAX_FRAGMENT = 60 * 1024 * 1024;
/**
 * Not documented: sessions last "until the expirationDateTime"; each fragment extends it
 * (resources/uploadsession). Assumed 20 minutes, so tests can outlive one with the clock.
 */
export const SESSION_MS = 20 * 60_000;
/** "The URL will only be available for a short period of time (1 hour)" (resources/driveitem). */
export const DOWNLOAD_MS = 60 * 60_000;

const PREFIX = '/_transfer/';

interface UploadSession {
  drive: StoredDrive;
  parentId: string;
  name: string;
  behavior: ConflictBehavior;
  who: IdentitySet;
  expires: number;
  total?: number;
  chunks: Buffer[];
  received: number;
  /** A fragment other than the last was not a multiple of 320 KiB. */
  misaligned: boolean;
}

interface Download {
  drive: StoredDrive;
  itemId: string;
  expires: number;
}

export interface TransferRequest {
  method: string;
  path: string;
  /** Lower-cased. */
  headers: Record<string, string>;
  body: Buffer;
}

interface TransferResult {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Buffer;
}

const token = () => randomBytes(24).toString('base64url');

export class Transfers {
  private readonly sessions = new Map<string, UploadSession>();
  private readonly downloads = new Map<string, Download>();

  constructor(
    private readonly drives: Drives,
    private readonly clock: EmulatorClock,
    private readonly inject: Injector,
    private readonly record: (entry: RecordedRequest) => void,
  ) {}

  /** POST ...:/{filename}:/createUploadSession: the uploadSession resource. */
  createSession(
    origin: string,
    drive: StoredDrive,
    parent: DriveItemRecord,
    name: string,
    behavior: ConflictBehavior,
    who: IdentitySet,
  ): Record<string, unknown> {
    // A name already taken with "fail" is refused at once (assumed; the page documents the 409
    // "when the last byte range is uploaded", which `commit` also answers).
    this.drives.place(drive, parent, name, behavior);
    const id = token();
    const session: UploadSession = {
      drive,
      parentId: parent.id,
      name,
      behavior,
      who,
      expires: this.clock.now() + SESSION_MS,
      chunks: [],
      received: 0,
      misaligned: false,
    };
    this.sessions.set(id, session);
    return {
      uploadUrl: `${origin}${PREFIX}upload/${id}`,
      expirationDateTime: new Date(session.expires).toISOString(),
      nextExpectedRanges: ['0-'],
    };
  }

  downloadUrl(origin: string, drive: StoredDrive, item: DriveItemRecord): string {
    const id = token();
    this.downloads.set(id, { drive, itemId: item.id, expires: this.clock.now() + DOWNLOAD_MS });
    return `${origin}${PREFIX}download/${id}`;
  }

  owns(path: string): boolean {
    return path.startsWith(PREFIX);
  }

  /** Serves one request to a pre-authenticated URL, recorded and admitted like any other. */
  serve(request: TransferRequest, res: ServerResponse): void {
    let result: TransferResult;
    let units = 0;
    const kind = request.method === 'GET' ? 'get' : 'write';
    try {
      const admission = this.inject.admit(
        { method: request.method, path: request.path, kind, inBatch: false },
        this.clock.now(),
      );
      units = admission.units;
      if (admission.error) throw admission.error;
      result = this.route(request);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      const requestId = randomBytes(16).toString('hex');
      result = {
        status: error.status,
        headers: error.headers,
        json: errorBody(error, { requestId, clientRequestId: requestId }, this.clock.now()),
      };
    }
    this.record({
      at: this.clock.now(),
      method: request.method,
      path: request.path,
      query: '',
      status: result.status,
      kind,
      units,
      inBatch: false,
      headers: { userAgent: request.headers['user-agent'] },
    });
    if (result.bytes) {
      res.writeHead(result.status, {
        ...result.headers,
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(result.bytes.byteLength),
      });
      res.end(result.bytes);
    } else if (result.json === undefined) {
      res.writeHead(result.status, result.headers);
      res.end();
    } else {
      res.writeHead(result.status, { ...result.headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(result.json));
    }
  }

  private route(request: TransferRequest): TransferResult {
    const [kind, id = ''] = request.path.slice(PREFIX.length).split('/');
    if (kind === 'download') return this.download(id, request);
    if (kind !== 'upload') throw notFound('The resource could not be found.');
    if (request.headers.authorization !== undefined) {
      throw new GraphError(
        401,
        'unauthenticated',
        'The upload URL is pre-authenticated: send no Authorization header with it.',
      );
    }
    const session = this.sessions.get(id);
    if (!session || session.expires < this.clock.now()) {
      // "Handle 404 Not Found errors when doing resumable uploads by starting the entire upload
      // over. This indicates the upload session no longer exists." (best practices, same page)
      this.sessions.delete(id);
      throw notFound('The upload session was not found or has expired.');
    }
    switch (request.method) {
      case 'GET':
        return { status: 200, json: this.status(session) };
      case 'DELETE':
        this.sessions.delete(id);
        return { status: 204 };
      case 'PUT':
        return this.fragment(id, session, request);
      default:
        throw new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed.');
    }
  }

  private status(session: UploadSession): Record<string, unknown> {
    return {
      expirationDateTime: new Date(session.expires).toISOString(),
      nextExpectedRanges: [`${session.received}-`],
    };
  }

  private fragment(id: string, session: UploadSession, request: TransferRequest): TransferResult {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers['content-range'] ?? '');
    if (!range)
      throw invalidRequest('A fragment needs "Content-Range: bytes {start}-{end}/{total}".');
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const length = request.body.byteLength;
    if (end < start || end >= total || length !== end - start + 1) {
      throw invalidRequest('The fragment does not match its Content-Range and Content-Length.');
    }
    if (length >= MAX_FRAGMENT) {
      throw new GraphError(413, 'requestTooLarge', 'A fragment must be smaller than 60 MiB.');
    }
    // "Your app must ensure the total file size specified in the Content-Range header is the
    // same for all requests. If a byte range declares a different file size, the request will
    // fail." (status not documented: 400 assumed)
    if (session.total !== undefined && session.total !== total) {
      throw invalidRequest('The fragment declares a different file size from earlier fragments.');
    }
    // "On failures when the client sent a fragment the server had already received, the server
    // responds with HTTP 416 Requested Range Not Satisfiable." Out of order ("Uploading fragments
    // out of order results in an error") answers the same (assumed).
    if (start !== session.received) {
      throw new GraphError(
        416,
        'invalidRange',
        `The fragment starts at ${start}; the session expects ${session.received}.`,
      );
    }
    session.total = total;
    session.chunks.push(Buffer.from(request.body));
    session.received = end + 1;
    session.expires = this.clock.now() + SESSION_MS;
    if (session.received < total) {
      if (length % FRAGMENT_UNIT !== 0) session.misaligned = true;
      return { status: 202, json: this.status(session) };
    }
    return this.commit(id, session);
  }

  /** The last byte: the file appears in its folder (201), or the documented errors. */
  private commit(id: string, session: UploadSession): TransferResult {
    if (session.misaligned) {
      // "Using a fragment size that doesn't divide evenly by 320 KiB results in errors committing
      // some files." The emulator always fails such a commit (status and message assumed).
      this.sessions.delete(id);
      throw invalidRequest('Fragments other than the last must be multiples of 320 KiB.');
    }
    const { drive } = session;
    const parent = this.drives.item(drive, session.parentId);
    let written: { item: DriveItemRecord; created: boolean };
    try {
      written = this.drives.writeFile(
        drive,
        parent,
        session.name,
        Buffer.concat(session.chunks),
        session.behavior,
        session.who,
      );
    } catch (error) {
      if (error instanceof GraphError && error.status === 409) {
        // The page's "Handling upload conflicts" answer, word for word.
        throw new GraphError(
          409,
          'nameAlreadyExists',
          'Another file exists with the same name as the uploaded session. You can redirect the upload session to use a new filename by calling PUT with the new metadata and @microsoft.graph.sourceUrl attribute.',
        );
      }
      throw error;
    }
    this.sessions.delete(id);
    return {
      status: written.created ? 201 : 200,
      json: driveItemJson(drive, written.item, { resolveLookup: () => undefined }),
    };
  }

  private download(id: string, request: TransferRequest): TransferResult {
    if (request.method !== 'GET') {
      throw new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed.');
    }
    const link = this.downloads.get(id);
    if (!link || link.expires < this.clock.now()) {
      // What an expired link answers is not documented (401 assumed: it no longer authenticates).
      throw new GraphError(401, 'unauthenticated', 'The download URL has expired.');
    }
    const item = link.drive.items.get(link.itemId);
    if (!item || item.folder) throw notFound('The resource could not be found.');
    const bytes = item.content ?? Buffer.alloc(0);
    return { status: 200, bytes, headers: { 'Last-Modified': graphTime(item.modified) } };
  }
}
