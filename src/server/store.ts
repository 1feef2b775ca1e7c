import { join } from 'node:path';
import type { EvidenceStore } from '../application/ports/evidence.js';
import type { Repository } from '../application/ports/repository.js';
import { GraphEvidenceStore } from '../adapters/graph/graph-evidence-store.js';
import { GraphHttp } from '../adapters/graph/graph-http.js';
import { GraphRepository } from '../adapters/graph/graph-repository.js';
import { SqliteEvidenceStore } from '../adapters/sqlite/sqlite-evidence-store.js';
import { SqliteRepository } from '../adapters/sqlite/sqlite-repository.js';
import { ConfigError, type Config } from './config.js';
import { storeTokens, type StoreTokens } from './graph-identity.js';
import type { SharePointAccess } from './store-config.js';

export interface OpenStore {
  repo: Repository;
  /** Evidence files: a table beside the lists, or the site's evidence library. */
  evidence: EvidenceStore;
  /** Releases what the store holds (the SQLite file; nothing for Graph). */
  close(): void;
}

/** The system of record STORE names: the embedded SQLite file, or the SharePoint site's lists. */
export async function openStore(config: Pick<Config, 'store' | 'dataDir'>): Promise<OpenStore> {
  if (config.store.kind === 'sqlite') {
    const path = join(config.dataDir, 'critical-friend.db');
    const repo = SqliteRepository.open(path);
    const evidence = SqliteEvidenceStore.open(path);
    return {
      repo,
      evidence,
      close: () => {
        evidence.close();
        repo.close();
      },
    };
  }
  const access = config.store;
  const http = graphHttpFor(access, storeTokens(access));
  const siteId = await resolveSiteId(http, access.siteUrl);
  try {
    return {
      repo: await GraphRepository.open(http, siteId),
      evidence: new GraphEvidenceStore(http, siteId),
      close: () => undefined,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.includes('npm run provision')) throw error;
    throw new ConfigError(
      `The SharePoint site ${access.siteUrl} is not provisioned. ${message.replace('<url>', access.siteUrl)}`,
    );
  }
}

export function graphHttpFor(access: SharePointAccess, tokens: StoreTokens): GraphHttp {
  return new GraphHttp({ graphUrl: access.graphUrl, token: () => tokens.graph() });
}

/** The Graph site id for a site URL (GET /sites/{hostname}:/{server-relative-path}). */
export async function resolveSiteId(http: GraphHttp, siteUrl: string): Promise<string> {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const res = await http.send('GET', `/sites/${url.hostname}:${path}?$select=id,webUrl`);
  if (res.status === 200) return (res.body as { id: string }).id;
  const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code ?? '';
  if (res.status === 404)
    throw new ConfigError(
      `No SharePoint site at ${siteUrl} (Graph answered 404 ${code}): check the site address.`,
    );
  if (res.status === 401 || res.status === 403)
    throw new ConfigError(
      `Graph refused the app access to ${siteUrl} (${res.status} ${code}): grant it Sites.Selected and a permission on this site (docs/sharepoint.md).`,
    );
  throw new Error(`Reading the site ${siteUrl}: Graph answered ${res.status} ${code}.`);
}

/** Every list of the site by its title, with its id (which is the SharePoint list GUID). */
export async function listIdsByTitle(
  http: GraphHttp,
  siteId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let link: string | undefined =
    `/sites/${encodeURIComponent(siteId)}/lists?$select=id,displayName&$top=200`;
  while (link) {
    const res = await http.send('GET', link);
    if (res.status !== 200)
      throw new Error(`Reading the site's lists: Graph answered ${res.status}.`);
    const body = res.body as { value: { id: string; displayName: string }[] } & Record<
      string,
      unknown
    >;
    for (const list of body.value) ids.set(list.displayName, list.id);
    link = body['@odata.nextLink'] as string | undefined;
  }
  return ids;
}
