import { triangulate, type TriangulationRow } from '../../domain/triangulation.js';
import type { Deps } from '../deps.js';

/** Each finding with the kinds of evidence behind it. Read-only for everyone signed in. */
export async function buildTriangulation(deps: Deps): Promise<TriangulationRow[]> {
  const [findings, observations] = await Promise.all([
    deps.repo.all('findings'),
    deps.repo.all('observations'),
  ]);
  const obs = observations.map((o) => ({ ...o.fields, id: o.id }));
  return findings.map((f) => triangulate({ ...f.fields, id: f.id }, obs));
}
