import {
  slgItems as slgItemsList,
  slgRulingOutcomes,
  slgRulingOutcomeLabels,
  type SlgItemStatus,
  type SlgRulingOutcome,
} from '../../domain/lists/slg-items.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { invalid, notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import type { StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { assertCurrent, requireIfMatch } from './etag.js';

export interface SlgItemRow {
  item: StoredItem<'slgItems'>;
  reference: string;
  recommendationTitle: string;
  partnerName: string;
  decision?: string;
  rationale?: string;
  responderName?: string;
  meeting?: { id: string; title: string; startsAt: string };
}

type Lookup<L extends 'recommendations' | 'partners' | 'responses' | 'meetings' | 'people'> = (
  id: string,
) => StoredItem<L> | undefined;

interface Lookups {
  recommendation: Lookup<'recommendations'>;
  partner: Lookup<'partners'>;
  response: Lookup<'responses'>;
  meeting: Lookup<'meetings'>;
  person: Lookup<'people'>;
}

/** One item with what the tab shows beside it: the recommendation, partner, response, meeting. */
function rowOf(item: StoredItem<'slgItems'>, look: Lookups): SlgItemRow {
  const r = look.recommendation(item.fields.recommendationId);
  const resp = look.response(item.fields.responseId);
  const m = item.fields.meetingId ? look.meeting(item.fields.meetingId) : undefined;
  return {
    item,
    reference: r?.fields.reference ?? '',
    recommendationTitle: r?.fields.title ?? '',
    partnerName: look.partner(item.fields.partnerId)?.fields.name ?? 'Unknown partner',
    ...(resp
      ? {
          decision: resp.fields.decision,
          rationale: resp.fields.rationale,
          responderName: look.person(resp.fields.responderId)?.fields.displayName ?? 'Unknown',
        }
      : {}),
    ...(m ? { meeting: { id: m.id, title: m.fields.title, startsAt: m.fields.startsAt } } : {}),
  };
}

/**
 * Partial acceptances and declines for the Strategic Leadership Group's ruling, soonest meeting
 * first (items with no meeting yet last), with what the tab needs to show them. Read-only, for
 * everyone signed in, like the tracker.
 */
export async function listSlgItems(
  deps: Deps,
  _actor: Actor,
  status?: SlgItemStatus,
): Promise<SlgItemRow[]> {
  const [items, recommendations, partners, responses, meetings, people] = await Promise.all([
    deps.repo.all('slgItems', status ? { field: 'status', equals: status } : undefined),
    deps.repo.all('recommendations'),
    deps.repo.all('partners'),
    deps.repo.all('responses'),
    deps.repo.all('meetings'),
    deps.repo.all('people'),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => {
    const map = new Map(list.map((x) => [x.id, x]));
    return (id: string) => map.get(id);
  };
  const look: Lookups = {
    recommendation: byId(recommendations),
    partner: byId(partners),
    response: byId(responses),
    meeting: byId(meetings),
    person: byId(people),
  };
  const rows = items.map((item) => rowOf(item, look));
  const when = (row: SlgItemRow) =>
    row.meeting ? Date.parse(row.meeting.startsAt) : Number.POSITIVE_INFINITY;
  return rows.sort((a, b) => when(a) - when(b) || a.item.createdAt.localeCompare(b.item.createdAt));
}

/** One item as the list shows it, reading only the records it refers to. */
async function describeSlgItem(deps: Deps, item: StoredItem<'slgItems'>): Promise<SlgItemRow> {
  const [recommendation, partner, response, meeting] = await Promise.all([
    deps.repo.get('recommendations', item.fields.recommendationId),
    deps.repo.get('partners', item.fields.partnerId),
    deps.repo.get('responses', item.fields.responseId),
    item.fields.meetingId ? deps.repo.get('meetings', item.fields.meetingId) : undefined,
  ]);
  const responder = response
    ? await deps.repo.get('people', response.fields.responderId)
    : undefined;
  const one =
    <T extends { id: string }>(found: T | undefined) =>
    (id: string) =>
      found?.id === id ? found : undefined;
  return rowOf(item, {
    recommendation: one(recommendation),
    partner: one(partner),
    response: one(response),
    meeting: one(meeting),
    person: one(responder),
  });
}

export interface SlgRuling {
  outcome: SlgRulingOutcome;
  note: string;
}

/** The longest note of a ruling, from the list's schema. */
export const RULING_NOTE_MAX = slgItemsList.columns.rulingNote.maxLength;

/**
 * Records the Strategic Leadership Group's ruling on a partial acceptance or a decline: the
 * outcome and a note (free text, so checked for identifiable data), and when. Who and through
 * which channel are kept with the version. A ruling is given once: a second one is refused (409)
 * rather than overwriting the first; a stale etag is refused (412) before that.
 */
export async function recordSlgRuling(
  deps: Deps,
  actor: Actor,
  id: string,
  ruling: SlgRuling,
  ifMatch: string | undefined,
): Promise<SlgItemRow> {
  requireRole(
    actor,
    ['scrutineer', 'business-unit'],
    "record the Strategic Leadership Group's ruling",
  );
  const etag = requireIfMatch(ifMatch);
  if (!slgRulingOutcomes.includes(ruling.outcome))
    throw invalid(
      'invalid-outcome',
      `Choose the outcome: ${slgRulingOutcomes.map((o) => slgRulingOutcomeLabels[o]).join(', ')}.`,
    );
  const note = ruling.note.trim();
  if (!note) throw invalid('note-required', 'Write a note of the ruling.');
  if (note.length > RULING_NOTE_MAX)
    throw invalid('note-too-long', `Keep the note of the ruling to ${RULING_NOTE_MAX} characters.`);
  assertNoIdentifiableData('slgItems', { rulingNote: note });
  const stored = await deps.repo.get('slgItems', id);
  if (!stored) throw notFound(`There is no SLG item ${id}.`);
  assertCurrent('slgItems', stored, etag);
  if (stored.fields.status === 'ruled')
    throw new RequestError(
      409,
      'already-ruled',
      'The Strategic Leadership Group has already ruled on this item; a ruling is not overwritten.',
    );
  const ctx = changeContext(deps, actor, 'tab');
  const ruled = await deps.repo.update(
    'slgItems',
    id,
    { status: 'ruled', outcome: ruling.outcome, rulingNote: note, ruledAt: ctx.at },
    etag,
    ctx,
  );
  return describeSlgItem(deps, ruled);
}
