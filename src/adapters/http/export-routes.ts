import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Actor, Deps } from '../../application/deps.js';
import type { EvidenceStore } from '../../application/ports/evidence.js';
import type { SpreadsheetWriter } from '../../application/ports/spreadsheet.js';
import { trackerWorkbook, type ExportFile } from '../../application/use-cases/exports.js';
import { inspectionPackWorkbook } from '../../application/use-cases/inspection-pack.js';
import { AS_AT_HINT } from '../../application/use-cases/tracker-as-at.js';
import { parse } from '../../application/validation.js';
import type { RagRules } from '../../domain/rag.js';
import { isCalendarDate } from '../../domain/responses.js';
import { linesOfEnquiry } from '../../domain/vocabulary.js';
import { XLSX_CONTENT_TYPE } from '../documents/xlsx-writer.js';
import type { TokenValidator } from '../identity/token-validator.js';
import { requestErrors, sendAttachment } from './attachment.js';
import { authenticate, sendError, type Authed } from './authenticate.js';

export interface ExportRouteOptions {
  /** The same validator the API uses: downloads sit outside its JSON router. */
  validateToken: TokenValidator;
  writer: SpreadsheetWriter;
  /** For the inspection pack's evidence files. */
  evidence: Pick<EvidenceStore, 'list'>;
  /** Where the server is reached (PUBLIC_URL), so evidence links in a workbook are absolute. */
  publicUrl?: string | undefined;
  rules?: RagRules | undefined;
}

const TRACKER_PATH = '/api/export/tracker.xlsx';
const PACK_PATH = '/api/export/inspection-pack.xlsx';

const trackerQuery = z.strictObject({
  asAt: z
    .string({ error: AS_AT_HINT })
    .max(10, { error: AS_AT_HINT })
    .refine(isCalendarDate, { error: AS_AT_HINT })
    .optional(),
});
const THEME_HINT = `theme must be one of the lines of enquiry: ${linesOfEnquiry.join(', ')}`;
const packQuery = z.strictObject({ theme: z.string({ error: THEME_HINT }).max(100) });

function send(res: Response, file: ExportFile, writer: SpreadsheetWriter): void {
  sendAttachment(res, {
    name: file.fileName,
    contentType: XLSX_CONTENT_TYPE,
    content: writer.write(file.book),
  });
}

/** 400 with what is wrong, as the JSON router says it. */
function query<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const parsed = parse(schema, req.query);
  if (parsed.ok) return parsed.value;
  sendError(res, 400, 'invalid-query', 'The query string is not valid.', { issues: parsed.issues });
  return undefined;
}

/**
 * Excel downloads: the tracker (one sheet per view, filters on each) and an inspection pack for
 * one line of enquiry. Mounted before the API's JSON router, with the same authentication.
 */
export function exportRouter(deps: Deps, options: ExportRouteOptions): express.Router {
  const router = express.Router();
  const authed = authenticate(deps, options.validateToken);

  router.get(TRACKER_PATH, authed, async (req: Authed, res, next) => {
    try {
      const q = query(trackerQuery, req, res);
      if (!q) return;
      const file = await trackerWorkbook(deps, req.actor as Actor, {
        asAt: q.asAt,
        rules: options.rules,
      });
      send(res, file, options.writer);
    } catch (e) {
      next(e);
    }
  });

  router.get(PACK_PATH, authed, async (req: Authed, res, next) => {
    try {
      const q = query(packQuery, req, res);
      if (!q) return;
      const file = await inspectionPackWorkbook(deps, options.evidence, req.actor as Actor, {
        theme: q.theme,
        baseUrl: options.publicUrl,
        rules: options.rules,
      });
      send(res, file, options.writer);
    } catch (e) {
      next(e);
    }
  });

  router.use(requestErrors);
  return router;
}

const xlsx = (description: string) => ({
  description,
  content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
});
const errors = (codes: Record<string, string>) =>
  Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description }]));

/** The downloads' entries for the API description. */
export const exportOpenApiPaths: Record<string, Record<string, unknown>> = {
  [TRACKER_PATH]: {
    get: {
      summary:
        'The tracker as an Excel workbook: About, Recommendations, Responses, Actions, Update history, Impact checks (partner people get their own partner’s part)',
      security: [{ bearer: [] }],
      parameters: [
        {
          name: 'asAt',
          in: 'query',
          required: false,
          description: 'The tracker as it stood at the end of this day (England)',
          schema: { type: 'string', format: 'date', maxLength: 10 },
        },
      ],
      responses: {
        '200': xlsx('The workbook, as an attachment'),
        ...errors({
          '400': 'asAt is not a date, or is in the future',
          '401': 'No valid bearer token',
          '403': 'Not a reader of the tracker',
        }),
      },
    },
  },
  [PACK_PATH]: {
    get: {
      summary:
        'An inspection pack for one line of enquiry: findings, recommendations and responses, actions, evidence links, impact checks (whole-view readers)',
      security: [{ bearer: [] }],
      parameters: [
        {
          name: 'theme',
          in: 'query',
          required: true,
          schema: { type: 'string', enum: [...linesOfEnquiry] },
        },
      ],
      responses: {
        '200': xlsx('The workbook, as an attachment'),
        ...errors({
          '400': 'No theme, or not a line of enquiry (the message lists them)',
          '401': 'No valid bearer token',
          '403': 'Partner people cannot export an inspection pack',
        }),
      },
    },
  },
};
