import { parseRetryAfter } from '../../domain/retry.js';
import type { TenantGate } from './tenant-gate.js';

/**
 * Bytes to and from SharePoint's pre-authenticated URLs: an upload session's `uploadUrl` and the
 * download URL that `GET .../content` redirects to. These take no bearer token ("If you include
 * the Authorization header when issuing the PUT call, it may result in an HTTP 401 Unauthorized
 * response", https://learn.microsoft.com/graph/api/driveitem-createuploadsession), so they go
 * through plain fetch, never through GraphHttp, which adds the token. They still wait for the
 * tenant gate and close it on 429/503, like every other call to the tenant.
 */

/** "the size of each byte range MUST be a multiple of 320 KiB (327,680 bytes)". */
export const FRAGMENT_UNIT = 327_680;
/**
 * 5 MiB (16 × 320 KiB): the low end of the page's "recommended fragment size is between 5-10
 * MiB", because a failed fragment is sent again whole and partners' connections vary.
 */
export const DEFAULT_FRAGMENT = 16 * FRAGMENT_UNIT;

export interface TransferOptions {
  gate: TenantGate;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Tries of one fragment or download before giving up (the first included). */
  maxAttempts: number;
  /** First back-off after a 5xx or a dropped connection, doubling each try. */
  retryDelayMs: number;
}

/** The upload ended: the driveItem's id, or the name was taken meanwhile (409). */
export type UploadOutcome = { id: string } | { conflict: true };

export class TransferError extends Error {
  override readonly name = 'TransferError';
}

export class DriveTransfer {
  constructor(private readonly options: TransferOptions) {}

  /**
   * Sends `content` to an upload session in fragments of `fragment` bytes, in order. After a
   * failed fragment (5xx, a dropped connection, or 416 for bytes already received) it asks the
   * session where to resume (GET uploadUrl → nextExpectedRanges) and goes on from there.
   */
  async upload(uploadUrl: string, content: Uint8Array, fragment: number): Promise<UploadOutcome> {
    if (fragment <= 0 || fragment % FRAGMENT_UNIT !== 0) {
      throw new TransferError('The fragment size must be a positive multiple of 320 KiB.');
    }
    const total = content.byteLength;
    let offset = 0;
    let failures = 0;
    for (;;) {
      const end = Math.min(offset + fragment, total);
      const res = await this.send(uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${offset}-${end - 1}/${total}` },
        body: content.slice(offset, end),
      });
      if (res?.status === 202) {
        offset = nextStart(await res.json()) ?? end;
        failures = 0;
        continue;
      }
      if (res?.status === 200 || res?.status === 201) {
        return { id: ((await res.json()) as { id: string }).id };
      }
      if (res?.status === 409) return { conflict: true };
      if (res?.status === 404) {
        throw new TransferError('The upload session no longer exists; start the upload again.');
      }
      await res?.body?.cancel();
      failures++;
      if (failures >= this.options.maxAttempts) {
        throw new TransferError(
          `A fragment failed ${failures} times (last: ${res?.status ?? 'no answer'}).`,
        );
      }
      if (res?.status !== 416)
        await this.options.sleep(this.options.retryDelayMs * 2 ** (failures - 1));
      const status = await this.send(uploadUrl, { method: 'GET' });
      if (status?.ok) offset = nextStart(await status.json()) ?? offset;
    }
  }

  /** The bytes behind a pre-authenticated download URL. */
  async download(url: string): Promise<Uint8Array> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.send(url, { method: 'GET' });
      if (res?.ok) return new Uint8Array(await res.arrayBuffer());
      await res?.body?.cancel();
      if (attempt >= this.options.maxAttempts || (res && res.status < 500)) {
        throw new TransferError(`The download failed (${res?.status ?? 'no answer'}).`);
      }
      await this.options.sleep(this.options.retryDelayMs * 2 ** (attempt - 1));
    }
  }

  /**
   * One request after the gate opens; a 429/503 closes the gate for Retry-After and the request
   * waits its turn again (a throttled request was not carried out). Undefined: no answer.
   */
  private async send(url: string, init: RequestInit): Promise<Response | undefined> {
    for (let throttled = 0; ; throttled++) {
      await this.options.gate.open();
      let res: Response;
      try {
        res = await this.options.fetch(url, { ...init, redirect: 'error' });
      } catch {
        return undefined;
      }
      if ((res.status !== 429 && res.status !== 503) || throttled >= this.options.maxAttempts) {
        return res;
      }
      await res.body?.cancel();
      const wait = parseRetryAfter(res.headers.get('retry-after'), this.options.now());
      this.options.gate.pause(wait ?? this.options.retryDelayMs * 2 ** throttled);
    }
  }
}

/** The start of the first missing range: ["26-"] or ["12345-55232", "77829-99375"]. */
function nextStart(body: unknown): number | undefined {
  const ranges = (body as { nextExpectedRanges?: unknown }).nextExpectedRanges;
  const first = Array.isArray(ranges) ? ranges[0] : undefined;
  const match = typeof first === 'string' ? /^(\d+)-/.exec(first) : null;
  return match ? Number(match[1]) : undefined;
}
