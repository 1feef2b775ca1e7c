import type { NextFunction, Request, Response } from 'express';
import { RequestError } from '../../application/errors.js';
import { sendError } from './authenticate.js';

/** `filename` for old clients (ASCII only), `filename*` with the real name (RFC 6266). */
export function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends bytes as a download: never sniffed into something runnable, never cached by a shared
 * cache (each reader's copy is trimmed to what they may see).
 */
export function sendAttachment(
  res: Response,
  file: { name: string; contentType: string; content: Uint8Array },
): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.content.byteLength));
  res.setHeader('Content-Disposition', disposition(file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
}

/** The JSON error body the API router gives, for the routers that send files. */
export function requestErrors(err: unknown, _req: Request, res: Response, next: NextFunction) {
  if (err instanceof RequestError)
    return sendError(res, err.status, err.code, err.message, err.details);
  next(err);
}
