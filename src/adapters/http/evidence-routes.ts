import express, { type NextFunction, type Request, type Response } from 'express';
import { assertMayReadItem } from '../../application/use-cases/read-trimming.js';
import { z } from 'zod';
import type { Actor, Deps } from '../../application/deps.js';
import { invalid, RequestError } from '../../application/errors.js';
import type { DocumentText } from '../../application/ports/document-text.js';
import type { EvidenceStore } from '../../application/ports/evidence.js';
import {
  downloadEvidence,
  listEvidence,
  MAX_EVIDENCE_BYTES,
  uploadEvidence,
  type EvidenceDeps,
} from '../../application/use-cases/evidence.js';
import { listNames } from '../../domain/lists/schema.js';
import type { TokenValidator } from '../identity/token-validator.js';
import { sendAttachment } from './attachment.js';
import { authenticate, sendError, type Authed } from './authenticate.js';
import { checkQuery } from './request-limits.js';
import { route, type Route } from './route.js';

export interface EvidenceRouteOptions {
  store: EvidenceStore;
  documents: DocumentText;
  /** The same validator the API uses: the raw routes sit outside its JSON router. */
  validateToken: TokenValidator;
  maxBytes?: number;
}

export const evidenceFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  itemList: z.enum(listNames),
  itemId: z.string(),
  screening: z.enum(['text-checked', 'attested']),
  attestedBy: z.string().optional(),
  attestedAt: z.string().optional(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  sha256: z.string(),
});

const UPLOAD_PATH = '/api/items/:list/:id/evidence';
const uploadQuery = z.strictObject({ attested: z.enum(['true', 'false']).optional() });
const noQuery = z.strictObject({});
/** Longer than any file name a file system keeps (255 bytes), percent-encoded. */
const MAX_NAME_HEADER = 2_000;
const CONTENT_PATH = '/api/evidence/:fileId/content';

const param = (req: Request, name: string): string => {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
};

/** The file name from `X-File-Name` (percent-encoded UTF-8, as encodeURIComponent writes it). */
function fileName(req: Request): string {
  const header = req.get('x-file-name');
  if (!header) throw invalid('missing-name', 'Send the file name in the X-File-Name header.');
  if (header.length > MAX_NAME_HEADER)
    throw invalid('invalid-name', 'The file name is too long: keep it under 255 characters.');
  try {
    return decodeURIComponent(header);
  } catch {
    throw invalid('invalid-name', 'X-File-Name must be percent-encoded UTF-8.');
  }
}

/**
 * Evidence files for items. Listing is an ordinary JSON route; upload (raw bytes up to the size
 * limit) and download (the bytes as an attachment) need their own router, mounted before the API's
 * JSON router, with the same authentication.
 */
export function evidenceRoutes(
  deps: Deps,
  options: EvidenceRouteOptions,
): { routes: Route[]; router: express.Router } {
  const evidence: EvidenceDeps = {
    store: options.store,
    documents: options.documents,
    maxBytes: options.maxBytes ?? MAX_EVIDENCE_BYTES,
  };
  const limit = evidence.maxBytes ?? MAX_EVIDENCE_BYTES;

  const routes: Route[] = [
    route({
      method: 'get',
      path: UPLOAD_PATH,
      summary: 'The evidence files attached to an item, oldest first',
      response: z.object({ files: z.array(evidenceFileSchema) }),
      handler: async ({ actor, params }) => {
        await assertMayReadItem(deps, actor, params.list ?? '', params.id ?? '');
        return {
          status: 200,
          body: { files: await listEvidence(deps, evidence, params.list ?? '', params.id ?? '') },
        };
      },
    }),
  ];

  const router = express.Router();
  const authed = authenticate(deps, options.validateToken);

  router.post(
    UPLOAD_PATH,
    authed,
    express.raw({ type: () => true, limit }),
    async (req: Authed, res, next) => {
      try {
        const q = checkQuery(uploadQuery, req, res);
        if (!q) return;
        const content: unknown = req.body;
        const { file, created } = await uploadEvidence(
          deps,
          evidence,
          req.actor as Actor,
          {
            itemList: param(req, 'list'),
            itemId: param(req, 'id'),
            name: fileName(req),
            content: Buffer.isBuffer(content)
              ? new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
              : new Uint8Array(),
            contentType: req.get('content-type') ?? '',
            attested: q.attested === 'true',
          },
          'tab',
        );
        res.status(created ? 201 : 200).json(file);
      } catch (e) {
        next(e);
      }
    },
  );

  router.get(CONTENT_PATH, authed, async (req: Authed, res, next) => {
    try {
      if (!checkQuery(noQuery, req, res)) return;
      // Whoever may read the item the file is attached to may download it, nobody else.
      const attached = await options.store.get(param(req, 'fileId'));
      if (attached)
        await assertMayReadItem(deps, req.actor as Actor, attached.itemList, attached.itemId);
      const { file, content } = await downloadEvidence(deps, evidence, param(req, 'fileId'));
      // A file opened in the browser by mistake still runs nothing and reaches nothing.
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      sendAttachment(res, { name: file.name, contentType: file.contentType, content });
    } catch (e) {
      next(e);
    }
  });

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof RequestError)
      return sendError(res, err.status, err.code, err.message, err.details);
    if ((err as { type?: string }).type === 'entity.too.large')
      return sendError(
        res,
        413,
        'too-large',
        `The file is too large: evidence files may be up to ${Math.floor(limit / (1024 * 1024))} MB.`,
      );
    next(err);
  });

  return { routes, router };
}

const binary = {
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};
const errors = (codes: Record<string, string>) =>
  Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description }]));

/** The raw routes' entries for the API description (the JSON routes describe themselves). */
export const evidenceOpenApiPaths: Record<string, Record<string, unknown>> = {
  '/api/items/{list}/{id}/evidence': {
    post: {
      summary:
        'Attach an evidence file to an item (raw bytes; idempotent on the content: a retry answers 200 with the file already stored)',
      security: [{ bearer: [] }],
      parameters: [
        { name: 'list', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } },
        {
          name: 'X-File-Name',
          in: 'header',
          required: true,
          description: 'The file name, percent-encoded UTF-8',
          schema: { type: 'string', maxLength: 2000 },
        },
        {
          name: 'attested',
          in: 'query',
          required: false,
          description:
            'true: the uploader attests the file names no child or family (needed when its text cannot be read); recorded with the file',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
      ],
      requestBody: { required: true, ...binary },
      responses: {
        '201': { description: 'Stored' },
        '200': { description: 'Already stored (a retry)' },
        ...errors({
          '400': 'Empty, or no file name',
          '401': 'No valid bearer token',
          '403': 'Not allowed to attach evidence to this item',
          '404': 'No such item, or the list takes no evidence',
          '413': 'The file is over the size limit',
          '422': 'The name or text identifies a child or family, or an attestation is needed',
        }),
      },
    },
  },
  '/api/evidence/{fileId}/content': {
    get: {
      summary: 'Download an evidence file (as an attachment)',
      security: [{ bearer: [] }],
      parameters: [
        { name: 'fileId', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } },
      ],
      responses: {
        '200': { description: 'The file', ...binary },
        ...errors({ '401': 'No valid bearer token', '404': 'No such file' }),
      },
    },
  },
};
