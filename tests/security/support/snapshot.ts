import { listNames } from '../../../src/domain/lists/schema.js';
import type { RunningServer } from '../../../src/server/start.js';

/**
 * Every item of every list by id and etag: any write of any kind, anywhere, changes it. Taken
 * before and after a refused request, it proves the refusal stored nothing.
 */
export async function snapshot(server: RunningServer): Promise<string> {
  const parts: string[] = [];
  for (const list of listNames) {
    const items = await server.deps.repo.all(list);
    parts.push(
      `${list}:${items
        .map((i) => `${i.id}=${i.etag}`)
        .sort()
        .join(',')}`,
    );
  }
  return parts.join('\n');
}
