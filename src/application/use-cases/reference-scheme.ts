import { nextReference, schemeOf, validateScheme } from '../../domain/reference-scheme.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { notFound, RequestError } from '../errors.js';
import type { StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { assertCurrent, requireIfMatch } from './etag.js';

export async function loadPartnership(deps: Deps): Promise<StoredItem<'partnerships'>> {
  const [partnership] = await deps.repo.all('partnerships');
  if (!partnership) throw notFound('The partnership is not set up.');
  return partnership;
}

/** The reference the next draft would get now, under the partnership's current scheme. */
export async function allocateReference(
  deps: Deps,
  partnership: StoredItem<'partnerships'>,
): Promise<{ reference: string; scheme: string }> {
  const scheme = schemeOf(partnership.fields);
  const existing = (await deps.repo.all('recommendations')).map((r) => r.fields.reference);
  const next = nextReference(
    scheme,
    { prefix: partnership.fields.recommendationPrefix, year: deps.now().getUTCFullYear() },
    existing,
  );
  if (!next.ok) throw new RequestError(409, 'invalid-scheme', next.error.message);
  return { reference: next.value, scheme };
}

/** A preview only: nothing is reserved, so a draft saved later may get a later number. */
export async function previewNextReference(deps: Deps) {
  return allocateReference(deps, await loadPartnership(deps));
}

/**
 * Sets how new recommendations are numbered; an empty scheme restores the default. Existing
 * references are never renumbered: a new scheme starts its own sequence.
 */
export async function setRecommendationScheme(
  deps: Deps,
  actor: Actor,
  scheme: string,
  ifMatch: string | undefined,
) {
  requireRole(actor, ['scrutineer', 'business-unit'], 'change the recommendation reference scheme');
  const etag = requireIfMatch(ifMatch);
  const partnership = await loadPartnership(deps);
  assertCurrent('partnerships', partnership, etag);
  const template = scheme.trim();
  if (template) {
    const valid = validateScheme(template, { prefix: partnership.fields.recommendationPrefix });
    if (!valid.ok) throw new RequestError(400, 'invalid-scheme', valid.error.message);
  }
  return deps.repo.update(
    'partnerships',
    partnership.id,
    { recommendationScheme: template || null },
    etag,
    changeContext(deps, actor, 'tab'),
  );
}
