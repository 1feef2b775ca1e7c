import type { FieldsOf, ListSchema } from './columns.js';
import {
  actionStatuses,
  activityStatuses,
  channels,
  decisions,
  evidenceClasses,
  evidenceSources,
  linesOfEnquiry,
  meetingKinds,
  observationStatuses,
  partnerKinds,
  priorities,
  recommendationStatuses,
  roles,
  scrutinyFunctions,
} from '../vocabulary.js';

/**
 * The one source of truth for every list the app keeps. Each becomes a SharePoint list in the
 * partnership's site and a table in the embedded store; the API schemas and forms derive from it.
 * Text columns stay within SharePoint's 255-character single-line limit; longer text is a note.
 */
export const lists = {
  partnerships: {
    title: 'CF Partnership',
    description: 'The partnership this site belongs to (one item).',
    columns: {
      name: { kind: 'text', label: 'Name', maxLength: 200, required: true },
      tenantId: { kind: 'text', label: 'Home tenant id', maxLength: 36, required: true },
      recommendationPrefix: {
        kind: 'text',
        label: 'Recommendation reference prefix',
        maxLength: 20,
        required: true,
      },
      caseCodePrefix: { kind: 'text', label: 'Case code prefix', maxLength: 20, required: true },
      /** How references are built, e.g. `{prefix}-R-{year}-{seq:2}`; empty means that default. */
      recommendationScheme: {
        kind: 'text',
        label: 'Recommendation reference scheme',
        maxLength: 60,
      },
    },
  },
  partners: {
    title: 'CF Partners',
    description: 'Statutory partners and relevant agencies.',
    columns: {
      name: { kind: 'text', label: 'Name', maxLength: 200, required: true },
      kind: { kind: 'choice', label: 'Kind', choices: partnerKinds, required: true, indexed: true },
      homeTenantId: { kind: 'text', label: 'Home tenant id', maxLength: 36 },
    },
  },
  people: {
    title: 'CF People',
    description: 'People who use the app, with their roles in the partnership.',
    columns: {
      displayName: { kind: 'text', label: 'Name', maxLength: 200, required: true },
      upn: {
        kind: 'text',
        label: 'Sign-in name',
        maxLength: 255,
        required: true,
        indexed: true,
        unique: true,
      },
      entraObjectId: {
        kind: 'text',
        label: 'Entra object id',
        maxLength: 36,
        required: true,
        indexed: true,
        unique: true,
      },
      homeTenantId: { kind: 'text', label: 'Home tenant id', maxLength: 36, required: true },
      jobTitle: { kind: 'text', label: 'Job title', maxLength: 200 },
      partnerId: { kind: 'ref', label: 'Partner', list: 'partners', indexed: true },
      roles: { kind: 'multiChoice', label: 'Roles', choices: roles, required: true },
      /** The DSP this person escalates to; empty for DSPs and above. */
      delegatedPartnerId: { kind: 'ref', label: 'Delegated safeguarding partner', list: 'people' },
    },
  },
  meetings: {
    title: 'CF Meetings',
    description: 'Meetings and visits the scrutineer observes.',
    columns: {
      title: { kind: 'text', label: 'Title', maxLength: 255, required: true, freeText: true },
      kind: { kind: 'choice', label: 'Kind', choices: meetingKinds, required: true },
      startsAt: { kind: 'dateTime', label: 'Starts', required: true, indexed: true },
      teamsMeetingId: {
        kind: 'text',
        label: 'Teams meeting id',
        maxLength: 255,
        indexed: true,
        unique: true,
      },
    },
  },
  observations: {
    title: 'CF Observations',
    description: 'What the scrutineer saw or heard, as it happened.',
    columns: {
      text: { kind: 'note', label: 'Observation', maxLength: 4000, required: true, freeText: true },
      evidenceClass: {
        kind: 'choice',
        label: 'Class',
        choices: evidenceClasses,
        required: true,
        indexed: true,
      },
      lineOfEnquiry: { kind: 'choice', label: 'Line of enquiry', choices: linesOfEnquiry },
      partnerIds: { kind: 'refs', label: 'Partners concerned', list: 'partners' },
      source: { kind: 'choice', label: 'Source', choices: evidenceSources, required: true },
      meetingId: { kind: 'ref', label: 'Meeting', list: 'meetings', indexed: true },
      observedAt: { kind: 'dateTime', label: 'Observed', required: true, indexed: true },
      status: {
        kind: 'choice',
        label: 'Status',
        choices: observationStatuses,
        required: true,
        indexed: true,
      },
      findingId: { kind: 'ref', label: 'Finding', list: 'findings', indexed: true },
      /** Client-generated, so a resent observation is never stored twice. */
      idempotencyKey: {
        kind: 'text',
        label: 'Idempotency key',
        maxLength: 100,
        indexed: true,
        unique: true,
      },
    },
  },
  findings: {
    title: 'CF Findings',
    description: 'Judgements drawn from observations.',
    columns: {
      title: { kind: 'text', label: 'Title', maxLength: 255, required: true, freeText: true },
      summary: {
        kind: 'note',
        label: 'Evidence summary',
        maxLength: 8000,
        required: true,
        freeText: true,
      },
      evidenceClass: {
        kind: 'choice',
        label: 'Class',
        choices: evidenceClasses,
        required: true,
        indexed: true,
      },
      lineOfEnquiry: { kind: 'choice', label: 'Line of enquiry', choices: linesOfEnquiry },
      partnerIds: { kind: 'refs', label: 'Partners', list: 'partners' },
      observationIds: { kind: 'refs', label: 'Observations', list: 'observations' },
      sources: { kind: 'multiChoice', label: 'Sources', choices: evidenceSources },
    },
  },
  recommendations: {
    title: 'CF Recommendations',
    description: 'Formal recommendations to the partnership and named partners.',
    columns: {
      reference: {
        kind: 'text',
        label: 'Reference',
        maxLength: 40,
        required: true,
        indexed: true,
        unique: true,
      },
      title: { kind: 'text', label: 'Title', maxLength: 255, required: true, freeText: true },
      text: {
        kind: 'note',
        label: 'Recommendation',
        maxLength: 8000,
        required: true,
        freeText: true,
      },
      priority: { kind: 'choice', label: 'Priority', choices: priorities, required: true },
      partnerIds: { kind: 'refs', label: 'Named partners', list: 'partners', required: true },
      findingIds: { kind: 'refs', label: 'Findings', list: 'findings' },
      responseDueDate: { kind: 'date', label: 'Response due', required: true, indexed: true },
      status: {
        kind: 'choice',
        label: 'Status',
        choices: recommendationStatuses,
        required: true,
        indexed: true,
      },
      issuedAt: { kind: 'dateTime', label: 'Issued' },
    },
  },
  responses: {
    title: 'CF Responses',
    description: "Each named partner's response to a recommendation.",
    columns: {
      recommendationId: {
        kind: 'ref',
        label: 'Recommendation',
        list: 'recommendations',
        required: true,
        indexed: true,
      },
      partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true },
      decision: { kind: 'choice', label: 'Decision', choices: decisions, required: true },
      rationale: {
        kind: 'note',
        label: 'Rationale',
        maxLength: 4000,
        required: true,
        freeText: true,
      },
      responderId: { kind: 'ref', label: 'Responder', list: 'people', required: true },
      responderTenantId: {
        kind: 'text',
        label: 'Responder home tenant',
        maxLength: 36,
        required: true,
      },
      channel: { kind: 'choice', label: 'Channel', choices: channels, required: true },
      respondedAt: { kind: 'dateTime', label: 'Responded', required: true },
      /** recommendation + partner: SharePoint itself refuses a second response. */
      responseKey: {
        kind: 'text',
        label: 'Response key',
        maxLength: 100,
        required: true,
        indexed: true,
        unique: true,
      },
    },
  },
  actions: {
    title: 'CF Actions',
    description: 'What a partner committed to do in response.',
    columns: {
      recommendationId: {
        kind: 'ref',
        label: 'Recommendation',
        list: 'recommendations',
        required: true,
        indexed: true,
      },
      responseId: { kind: 'ref', label: 'Response', list: 'responses', required: true },
      partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true, indexed: true },
      description: {
        kind: 'note',
        label: 'Action',
        maxLength: 2000,
        required: true,
        freeText: true,
      },
      ownerId: { kind: 'ref', label: 'Owner', list: 'people', indexed: true },
      targetDate: { kind: 'date', label: 'Target date', required: true, indexed: true },
      evidenceExpected: {
        kind: 'note',
        label: 'Evidence expected',
        maxLength: 2000,
        freeText: true,
      },
      status: {
        kind: 'choice',
        label: 'Status',
        choices: actionStatuses,
        required: true,
        indexed: true,
      },
    },
  },
  actionUpdates: {
    title: 'CF Action Updates',
    description: 'Progress updates on actions; never overwritten.',
    columns: {
      actionId: { kind: 'ref', label: 'Action', list: 'actions', required: true, indexed: true },
      progress: {
        kind: 'number',
        label: 'Progress (%)',
        min: 0,
        max: 100,
        integer: true,
        required: true,
      },
      narrative: { kind: 'note', label: 'Update', maxLength: 4000, required: true, freeText: true },
      evidenceLink: { kind: 'note', label: 'Evidence link', maxLength: 1000 },
      revisedDate: { kind: 'date', label: 'Revised target date' },
      authorId: { kind: 'ref', label: 'Author', list: 'people', required: true },
      at: { kind: 'dateTime', label: 'At', required: true, indexed: true },
    },
  },
  plans: {
    title: 'CF Scrutiny Plans',
    description: 'One scrutiny plan per reporting year (1 April to 31 March), with the day budget.',
    columns: {
      /** The calendar year in which the reporting year starts: 2026 is 1 April 2026 to 31 March 2027. */
      reportingYear: {
        kind: 'number',
        label: 'Reporting year (starting April)',
        min: 2000,
        max: 2100,
        integer: true,
        required: true,
        indexed: true,
        unique: true,
      },
      daysContracted: {
        kind: 'number',
        label: 'Days contracted',
        min: 0,
        max: 366,
        required: true,
      },
      dayRate: { kind: 'number', label: 'Day rate (£)', min: 0, max: 10000, required: true },
    },
  },
  planActivities: {
    title: 'CF Plan Activities',
    description: 'Themes and activities in a scrutiny plan, with days allocated.',
    columns: {
      planId: { kind: 'ref', label: 'Plan', list: 'plans', required: true, indexed: true },
      theme: { kind: 'text', label: 'Theme', maxLength: 255, required: true, freeText: true },
      title: { kind: 'text', label: 'Activity', maxLength: 255, required: true, freeText: true },
      functions: { kind: 'multiChoice', label: 'Scrutiny functions', choices: scrutinyFunctions },
      linesOfEnquiry: { kind: 'multiChoice', label: 'Lines of enquiry', choices: linesOfEnquiry },
      daysAllocated: {
        kind: 'number',
        label: 'Days allocated',
        min: 0,
        max: 366,
        required: true,
      },
      status: {
        kind: 'choice',
        label: 'Status',
        choices: activityStatuses,
        required: true,
        indexed: true,
      },
    },
  },
  dayLogs: {
    title: 'CF Day Log',
    description: 'Days the scrutineer worked, against a plan activity.',
    columns: {
      planId: { kind: 'ref', label: 'Plan', list: 'plans', required: true, indexed: true },
      activityId: {
        kind: 'ref',
        label: 'Activity',
        list: 'planActivities',
        required: true,
        indexed: true,
      },
      date: { kind: 'date', label: 'Date', required: true, indexed: true },
      days: { kind: 'number', label: 'Days', min: 0.25, max: 2, required: true },
      note: { kind: 'text', label: 'Note', maxLength: 255, freeText: true },
      /** Client-generated, so a resent entry is never counted twice. */
      idempotencyKey: {
        kind: 'text',
        label: 'Idempotency key',
        maxLength: 100,
        indexed: true,
        unique: true,
      },
    },
  },
  conversations: {
    title: 'CF Conversations',
    description: 'Where the bot can reach each person in Teams (stored when the app is installed).',
    columns: {
      entraObjectId: {
        kind: 'text',
        label: 'Entra object id',
        maxLength: 36,
        required: true,
        indexed: true,
        unique: true,
      },
      tenantId: { kind: 'text', label: 'Tenant id', maxLength: 36, required: true },
      conversationId: { kind: 'note', label: 'Conversation id', maxLength: 1000, required: true },
      serviceUrl: { kind: 'note', label: 'Service URL', maxLength: 1000, required: true },
      reference: {
        kind: 'note',
        label: 'Conversation reference (JSON)',
        maxLength: 8000,
        required: true,
      },
    },
  },
  cardDeliveries: {
    title: 'CF Card Deliveries',
    description: 'Each card sent to each person, so a resend or refresh finds it.',
    columns: {
      deliveryKey: {
        kind: 'text',
        label: 'Delivery key',
        maxLength: 200,
        required: true,
        indexed: true,
        unique: true,
      },
      recommendationId: {
        kind: 'ref',
        label: 'Recommendation',
        list: 'recommendations',
        required: true,
        indexed: true,
      },
      personId: { kind: 'ref', label: 'Recipient', list: 'people', required: true },
      status: {
        kind: 'choice',
        label: 'Status',
        choices: ['pending', 'sent', 'unreachable', 'failed'] as const,
        required: true,
        indexed: true,
      },
      activityId: { kind: 'text', label: 'Activity id', maxLength: 255 },
      detail: { kind: 'text', label: 'Detail', maxLength: 255 },
    },
  },
} as const satisfies Record<string, ListSchema>;

export type Lists = typeof lists;
export type ListName = keyof Lists;
export const listNames = Object.keys(lists) as ListName[];

/** The fields of an item in list L. */
export type Fields<L extends ListName> = FieldsOf<Lists[L]>;

export type Partnership = Fields<'partnerships'>;
export type Partner = Fields<'partners'>;
export type Person = Fields<'people'>;
export type Meeting = Fields<'meetings'>;
export type Observation = Fields<'observations'>;
export type Finding = Fields<'findings'>;
export type Recommendation = Fields<'recommendations'>;
export type Response = Fields<'responses'>;
export type Action = Fields<'actions'>;
export type ActionUpdate = Fields<'actionUpdates'>;
export type Plan = Fields<'plans'>;
export type PlanActivity = Fields<'planActivities'>;
export type DayLog = Fields<'dayLogs'>;

/** An item with its id, as the domain sees it. */
export type WithId<T> = T & { id: string };
