import express from 'express';
import { z } from 'zod';
import type { Actor, Deps } from '../../application/deps.js';
import { invalid } from '../../application/errors.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import {
  distributionsOf,
  recordDistribution,
  type DistributionInput,
} from '../../application/use-cases/yearly-report-distributions.js';
import {
  signOffYearlyReport,
  writeSummary,
  yearlyChecklist,
  yearlyStatement,
  type YearlyReportDeps,
} from '../../application/use-cases/yearly-report.js';
import { parseReportYear, YEAR_MESSAGE } from '../../domain/yearly-report/period.js';
import { reportSections } from '../../domain/yearly-report/sections.js';
import type { TokenValidator } from '../identity/token-validator.js';
import { requestErrors, sendAttachment } from './attachment.js';
import { authenticate, type Authed } from './authenticate.js';
import { toJson } from './item-json.js';
import { checkQuery } from './request-limits.js';
import { route, type Route } from './route.js';

export interface ReportRouteOptions extends YearlyReportDeps {
  /** The API's validator: the document download sits outside its JSON router. */
  validateToken: TokenValidator;
}

const STATEMENT_PATH = '/api/reports/yearly';
const downloadQuery = z.strictObject({ year: z.string().max(10).optional() });

function yearOf(value: unknown): number {
  const year = parseReportYear(value);
  if (year === undefined) throw invalid('invalid-year', YEAR_MESSAGE);
  return year;
}

const checklistResponse = z.object({
  report: itemSchema('yearlyReports').nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  sections: z.array(
    z.object({
      key: z.enum(reportSections.map((s) => s.key)),
      title: z.string(),
      expected: z.boolean(),
      state: z.enum(['ok', 'thin', 'empty']),
      count: z.number(),
      hint: z.string(),
    }),
  ),
  distributions: z.array(itemSchema('distributions')),
});

/**
 * The Independent Scrutineer's yearly statement: its checklist, the summary judgement, sign-off
 * and the distribution log as JSON routes; the document itself (bytes, as an attachment) from a
 * router of its own, mounted before the API's JSON router with the same authentication.
 */
export function reportRoutes(
  deps: Deps,
  options: ReportRouteOptions,
): { routes: Route[]; router: express.Router } {
  const report: YearlyReportDeps = options;
  const routes: Route[] = [
    route({
      method: 'get',
      path: `${STATEMENT_PATH}/checklist`,
      summary:
        'Which sections of the yearly statement Working Together expects, and which are thin or empty',
      // Room past four digits so that the use case, not the cap, says what a year must be.
      query: z.strictObject({ year: z.string().max(10).optional() }),
      response: checklistResponse,
      handler: async ({ actor, query }) => {
        const year = yearOf((query as { year?: string }).year);
        const view = await yearlyChecklist(deps, report, actor, year);
        const distributions = await distributionsOf(deps, view.report?.id);
        return {
          status: 200,
          body: {
            report: view.report ? toJson(view.report) : null,
            period: view.period,
            sections: view.sections,
            distributions: distributions.map(toJson),
          },
        };
      },
    }),
    route({
      method: 'put',
      path: `${STATEMENT_PATH}/:year/summary`,
      success: [200, 201],
      summary:
        "Write the scrutineer's summary judgement (If-Match once the report exists; refused after sign-off)",
      body: z.strictObject({ summaryJudgement: z.string().max(8000) }),
      response: itemSchema('yearlyReports'),
      handler: async ({ actor, params, body, ifMatch }) => {
        const { item, created } = await writeSummary(
          deps,
          actor,
          yearOf(params.year),
          (body as { summaryJudgement: string }).summaryJudgement,
          ifMatch,
          'tab',
        );
        return { status: created ? 201 : 200, body: toJson(item) };
      },
    }),
    route({
      method: 'post',
      path: `${STATEMENT_PATH}/:year/sign-off`,
      success: [200],
      ifMatch: true,
      summary: 'Sign the yearly statement off: it is rendered, stored and frozen',
      response: itemSchema('yearlyReports'),
      handler: async ({ actor, params, ifMatch }) => ({
        status: 200,
        body: toJson(
          await signOffYearlyReport(deps, report, actor, yearOf(params.year), ifMatch, 'tab'),
        ),
      }),
    }),
    route({
      method: 'post',
      path: `${STATEMENT_PATH}/:year/distributions`,
      success: [201, 200],
      summary:
        'Record where the signed-off statement was sent (once per distributionKey; 409 before sign-off)',
      body: inputSchema('distributions', [
        'recipient',
        'recipientName',
        'sentOn',
        'note',
        'distributionKey',
      ]),
      response: itemSchema('distributions'),
      handler: async ({ actor, params, body }) => {
        const { item, created } = await recordDistribution(
          deps,
          actor,
          yearOf(params.year),
          body as DistributionInput,
          'tab',
        );
        return { status: created ? 201 : 200, body: toJson(item) };
      },
    }),
  ];

  const router = express.Router();
  router.get(
    STATEMENT_PATH,
    authenticate(deps, options.validateToken),
    async (req: Authed, res, next) => {
      try {
        const q = checkQuery(downloadQuery, req, res);
        if (!q) return;
        const year = yearOf(q.year);
        const doc = await yearlyStatement(deps, report, req.actor as Actor, year);
        sendAttachment(res, doc);
      } catch (e) {
        next(e);
      }
    },
  );
  router.use(requestErrors);
  return { routes, router };
}

/** The download's entry in the API description (the JSON routes describe themselves). */
export const reportOpenApiPaths: Record<string, Record<string, unknown>> = {
  [STATEMENT_PATH]: {
    get: {
      summary:
        "The Independent Scrutineer's statement for a reporting year (1 April to 31 March) as a Word document; the frozen one once signed off",
      security: [{ bearer: [] }],
      parameters: [
        {
          name: 'year',
          in: 'query',
          required: true,
          description:
            'The year the reporting year starts in: 2026 is 1 April 2026 to 31 March 2027',
          schema: { type: 'string', pattern: '^\\d{4}$', maxLength: 4 },
        },
      ],
      responses: {
        '200': {
          description: 'The statement',
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        },
        '400': { description: YEAR_MESSAGE },
        '401': { description: 'No valid bearer token' },
        '403': { description: 'Not a whole-view reader (partner people)' },
      },
    },
  },
};
