import { daysFromTo } from '../../domain/as-at.js';
import {
  defaultRagRules,
  partnerRag,
  rags,
  worst,
  type Rag,
  type RagRules,
} from '../../domain/rag.js';
import { londonDate } from '../../domain/responses.js';
import type { TrackerPartner, TrackerRow, TrackerView } from '../../domain/tracker-view.js';
import { linesOfEnquiry, type LineOfEnquiry } from '../../domain/vocabulary.js';
import type { Actor, Deps } from '../deps.js';
import { forbidden } from '../errors.js';
import type { StoredItem } from '../ports/repository.js';
import { trackerAction, type ViewPoint } from './tracker-action.js';
import { resolveAsAt } from './tracker-as-at.js';
import { loadTrackerData, partKey, type TrackerData } from './tracker-data.js';
import { readerReach, type Reach } from './visibility.js';

export interface TrackerOptions {
  /** `YYYY-MM-DD`: the tracker as it stood at the end of that day (England). */
  asAt?: string | undefined;
  rules?: RagRules | undefined;
}

/** When a recommendation went out; one issued without the stamp counts from its creation. */
const issuedAtOf = (r: StoredItem<'recommendations'>) => r.fields.issuedAt ?? r.createdAt;

function themesOf(r: StoredItem<'recommendations'>, data: TrackerData): LineOfEnquiry[] {
  const found = new Set(
    (r.fields.findingIds ?? []).flatMap(
      (id) => data.findingById.get(id)?.fields.lineOfEnquiry ?? [],
    ),
  );
  return linesOfEnquiry.filter((l) => found.has(l));
}

function partnerPart(
  r: StoredItem<'recommendations'>,
  partnerId: string,
  data: TrackerData,
  at: ViewPoint,
): TrackerPartner {
  const partner = data.partnerById.get(partnerId);
  const stored = data.responseByPart.get(partKey(r.id, partnerId));
  const response = stored && stored.fields.respondedAt <= at.instant ? stored : undefined;
  const actions = (data.actionsByPart.get(partKey(r.id, partnerId)) ?? []).flatMap(
    (a) => trackerAction(a, data, at) ?? [],
  );
  const rag = partnerRag(
    {
      responseDueDate: r.fields.responseDueDate,
      decision: response?.fields.decision,
      actions: actions.map((a) => a.rag),
    },
    at.today,
  );
  return {
    partner: {
      id: partnerId,
      name: partner?.fields.name ?? 'Unknown partner',
      kind: partner?.fields.kind ?? 'other-relevant-agency',
    },
    rag,
    ...(response
      ? {
          response: {
            id: response.id,
            decision: response.fields.decision,
            rationale: response.fields.rationale,
            responderName: data.nameOf(response.fields.responderId),
            channel: response.fields.channel,
            respondedAt: response.fields.respondedAt,
            daysToRespond: daysFromTo(
              londonDate(issuedAtOf(r)),
              londonDate(response.fields.respondedAt),
            ),
          },
        }
      : {}),
    actions,
  };
}

function rowOf(
  r: StoredItem<'recommendations'>,
  reach: Reach,
  data: TrackerData,
  at: ViewPoint,
): TrackerRow {
  const partnerIds =
    reach.kind === 'partner'
      ? r.fields.partnerIds.filter((id) => id === reach.partnerId)
      : r.fields.partnerIds;
  const partners = partnerIds.map((id) => partnerPart(r, id, data, at));
  return {
    recommendation: {
      id: r.id,
      reference: r.fields.reference,
      title: r.fields.title,
      priority: r.fields.priority,
      responseDueDate: r.fields.responseDueDate,
      issuedAt: issuedAtOf(r),
      themes: themesOf(r, data),
    },
    rag: worst(partners.map((p) => p.rag)),
    ageDays: Math.max(0, daysFromTo(londonDate(issuedAtOf(r)), at.today)),
    partners,
  };
}

/**
 * Every issued recommendation with each named partner's response and actions, RAG by rules, as
 * it stood now or at the end of a past day. Partner people see only the recommendations naming
 * their partner, and in them only their own partner's part.
 */
export async function buildTrackerView(
  deps: Deps,
  actor: Actor,
  options: TrackerOptions = {},
): Promise<TrackerView> {
  const reach = readerReach(actor);
  if (reach.kind === 'none')
    throw forbidden(
      "The tracker is shared with the partnership's executives, the scrutineer, the business unit and each partner's own people.",
    );
  const asAt = resolveAsAt(deps.now(), options.asAt);
  const rules = options.rules ?? defaultRagRules;
  const at: ViewPoint = { instant: asAt.instant, today: asAt.today, rules };
  const data = await loadTrackerData(deps);
  const rows = data.recommendations
    .filter((r) => r.fields.status !== 'draft' && issuedAtOf(r) <= at.instant)
    .filter((r) => reach.kind === 'all' || r.fields.partnerIds.includes(reach.partnerId))
    .sort((a, b) => a.fields.reference.localeCompare(b.fields.reference, 'en', { numeric: true }))
    .map((r) => rowOf(r, reach, data, at));
  const totals = Object.fromEntries(rags.map((k) => [k, 0])) as Record<Rag, number>;
  for (const row of rows) for (const p of row.partners) totals[p.rag.rag] += 1;
  return {
    asAt: asAt.instant,
    today: asAt.today,
    isPast: asAt.isPast,
    rules,
    reach: reach.kind,
    rows,
    totals,
  };
}
