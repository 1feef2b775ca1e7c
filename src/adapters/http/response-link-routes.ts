import { z } from 'zod';
import {
  describeRecorded,
  listEmailOutbox,
  offerWebLinkAs,
  openResponseLink,
  respondThroughLink,
  type LinkProblem,
  type ResponseLinkDeps,
} from '../../application/use-cases/response-links.js';
import { itemSchema } from '../../application/validation.js';
import { MAX_PROPOSED_ACTIONS } from '../../domain/responses.js';
import { channels, decisions, evidenceClasses, priorities } from '../../domain/vocabulary.js';
import { idParam, toJson } from './item-json.js';
import { route, type Route, type RouteResult } from './route.js';

const recordedSchema = z.object({
  decision: z.enum(decisions),
  rationale: z.string(),
  responderName: z.string(),
  respondedAt: z.string(),
  channel: z.enum(channels),
  actions: z
    .array(
      z.object({
        description: z.string(),
        ownerName: z.string(),
        targetDate: z.string(),
        evidence: z.string(),
      }),
    )
    .optional(),
  slg: z
    .object({
      status: z.enum(['awaiting-ruling', 'ruled']),
      meetingTitle: z.string().optional(),
      meetingStartsAt: z.string().optional(),
    })
    .optional(),
});

const openLinkSchema = z.object({
  recommendationId: z.string(),
  partnerId: z.string(),
  reference: z.string(),
  title: z.string(),
  text: z.string(),
  priority: z.enum(priorities),
  responseDueDate: z.string(),
  partnerName: z.string(),
  findings: z.array(
    z.object({
      title: z.string(),
      evidenceClass: z.enum(evidenceClasses),
      summary: z.string().optional(),
    }),
  ),
  owners: z.array(
    z.object({ personId: z.string(), displayName: z.string(), jobTitle: z.string().optional() }),
  ),
  maxActions: z.number().int(),
  expiresAt: z.string(),
});

/**
 * Loose on purpose: the response use case checks the decision, the rationale and every action
 * and reports all the problems at once, in words (as it does for the card).
 */
const submissionSchema = z.strictObject({
  decision: z.string().max(40).optional(),
  rationale: z.string().max(20_000).optional(),
  actions: z
    .array(
      z.strictObject({
        description: z.string().max(10_000).optional(),
        ownerId: z.string().max(100).optional(),
        targetDate: z.string().max(40).optional(),
        evidenceExpected: z.string().max(10_000).optional(),
      }),
    )
    .max(MAX_PROPOSED_ACTIONS * 4)
    .default([]),
});
type Submission = z.infer<typeof submissionSchema>;

const recordedResult = z.object({
  outcome: z.literal('recorded'),
  created: z.boolean(),
  channel: z.enum(channels),
  partnerName: z.string(),
  response: recordedSchema,
});

const offerResult = z.object({
  outcome: z.enum(['offered', 'skipped']),
  reason: z.string().optional(),
  linkId: z.string().optional(),
  expiresAt: z.string().optional(),
  created: z.boolean().optional(),
  emailed: z.boolean().optional(),
  mail: z.string().optional(),
});

const error = (status: number, code: string, message: string, extra: object = {}): RouteResult => ({
  status,
  body: { error: { code, message, ...extra } },
});

/** What each problem with a link answers. A bad token says nothing more than that it is bad. */
export function linkProblemResult(problem: LinkProblem): RouteResult {
  switch (problem.kind) {
    case 'invalid':
      return error(
        400,
        'link-invalid',
        'This link is not valid. Use the whole link from your email; if it still does not work, ask the partnership’s business unit for a new one.',
      );
    case 'expired':
      return error(
        410,
        'link-expired',
        'This link has expired. Ask the partnership’s business unit to send you a new one.',
      );
    case 'wrong-person':
      return error(403, 'link-wrong-person', 'This link was sent to someone else.');
    case 'used':
      return error(
        409,
        'link-used',
        `This link has already been used.${problem.response ? ` ${describeRecorded(problem.response, problem.partnerName)}` : ''}`,
        problem.response ? { response: problem.response } : {},
      );
    case 'already-responded':
      return error(
        409,
        'already-responded',
        `${problem.partnerName}’s response is already recorded.${problem.response ? ` ${describeRecorded(problem.response, problem.partnerName)}` : ''}`,
        problem.response ? { response: problem.response } : {},
      );
    case 'not-open':
      return error(
        409,
        'link-closed',
        `This recommendation is no longer open for a response from you for ${problem.partnerName}. Ask the partnership’s business unit if you think it should be.`,
      );
  }
}

const tokenParam = (params: Record<string, string>) => params.token ?? '';

/**
 * The email-and-web route (for people Teams cannot reach): open a link and respond through it,
 * signed in as the person it was sent to; the business unit reads the email outbox and can send
 * a link by hand.
 */
export function responseLinkRoutes(deps: ResponseLinkDeps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/respond-links/:token',
      summary:
        'Open an emailed response link (signed in as its recipient): the recommendation and who may own actions; 400 link-invalid, 410 link-expired, 403 someone else’s, 409 already used',
      response: openLinkSchema,
      handler: async ({ actor, params }) => {
        const opened = await openResponseLink(deps, actor, tokenParam(params));
        if (opened.kind !== 'open') return linkProblemResult(opened);
        const { view, link } = opened;
        return {
          status: 200,
          body: {
            recommendationId: view.recommendationId,
            partnerId: view.partnerId,
            reference: view.reference,
            title: view.title,
            text: view.text,
            priority: view.priority,
            responseDueDate: view.responseDueDate,
            partnerName: view.partnerName,
            findings: view.findings,
            owners: view.owners ?? [],
            maxActions: MAX_PROPOSED_ACTIONS,
            expiresAt: link.fields.expiresAt,
          },
        };
      },
    }),
    route<Submission, unknown>({
      method: 'post',
      path: '/api/respond-links/:token/response',
      success: [201, 200],
      summary:
        'Respond through an emailed link (channel web-link), exactly once: a repeat of the recorded submission answers 200 with it; anything else through a used link 409',
      body: submissionSchema,
      response: recordedResult,
      handler: async ({ actor, params, body }) => {
        const result = await respondThroughLink(deps, actor, tokenParam(params), {
          decision: body.decision,
          rationale: body.rationale,
          actions: body.actions,
        });
        if (result.kind !== 'recorded') return linkProblemResult(result);
        return {
          status: result.created ? 201 : 200,
          body: {
            outcome: 'recorded',
            created: result.created,
            channel: result.channel,
            partnerName: result.partnerName,
            response: result.response,
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/email-outbox',
      summary: 'Emails the app has written, newest first (business unit and scrutineer)',
      response: z.object({ items: z.array(itemSchema('emailOutbox')) }),
      handler: async ({ actor }) => ({
        status: 200,
        body: { items: (await listEmailOutbox(deps, actor)).map(toJson) },
      }),
    }),
    route({
      method: 'post',
      path: '/api/recommendations/:id/deliveries/:personId/web-link',
      success: [201, 200],
      summary:
        'Email a partner lead a single-use link to respond on the web (reuses an open link; business unit and scrutineer)',
      response: offerResult,
      handler: async ({ actor, params }) => {
        const result = await offerWebLinkAs(deps, actor, {
          recommendationId: idParam(params),
          personId: params.personId ?? '',
        });
        if (result.outcome === 'skipped')
          return { status: 200, body: { outcome: 'skipped', reason: result.reason } };
        return {
          status: result.created ? 201 : 200,
          body: {
            outcome: 'offered',
            linkId: result.link.fields.linkId,
            expiresAt: result.link.fields.expiresAt,
            created: result.created,
            emailed: result.emailed,
            ...(result.mail && !result.mail.ok ? { mail: result.mail.reason } : {}),
          },
        };
      },
    }),
  ];
}
