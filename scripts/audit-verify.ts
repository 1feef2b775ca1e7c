// Checks the audit trail (issue #7): walks the hash chain in order, recomputes every hash, and
// compares every item with its last entry. Usage: npm run audit:verify
// Opens the store the server would (STORE, DATA_DIR, SHAREPOINT_SITE_URL and the store's
// identity) and only reads. Exit 0 when the trail is intact, 1 when it is not or cannot be read.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../src/adapters/audit/sha256.js';
import { verifyAuditTrail, type AuditVerification } from '../src/application/use-cases/audit.js';
import { ConfigError } from '../src/server/config.js';
import { loadStoreConfig } from '../src/server/store-config.js';
import { openStore } from '../src/server/store.js';

/** The plain report: the summary, then each problem on its own line. */
function report(result: AuditVerification): string {
  const lines = [result.summary];
  for (const b of result.breaks)
    lines.push(
      `  entry ${b.seq}: ${b.kind === 'altered' ? 'altered' : b.kind === 'link' ? 'does not follow the entry before it' : 'duplicate number'}`,
    );
  for (const i of result.items)
    lines.push(
      `  ${i.itemList} ${i.itemId}: ${
        i.kind === 'unaudited'
          ? 'no audit entry'
          : i.kind === 'changed-outside'
            ? `version ${i.version} changed outside the app`
            : `versions ${i.versions.join(', ')} not recorded`
      }`,
    );
  lines.push(result.ok ? 'Audit trail intact.' : 'Audit trail NOT intact.');
  return lines.join('\n');
}

async function main(): Promise<number> {
  const env = process.env;
  const store = loadStoreConfig(env, env.NODE_ENV === 'production', (m) => new ConfigError(m));
  const dataDir = env.DATA_DIR ?? '.data';
  // Opening SQLite creates the file; a verifier pointed at the wrong folder must say so instead.
  if (store.kind === 'sqlite' && !existsSync(join(dataDir, 'critical-friend.db'))) {
    console.error(`No store at ${join(dataDir, 'critical-friend.db')}: set DATA_DIR.`);
    return 1;
  }
  const opened = await openStore({ store, dataDir });
  try {
    const result = await verifyAuditTrail(opened.repo, sha256);
    console.log(report(result));
    return result.ok ? 0 : 1;
  } finally {
    opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Named only: a store error may carry an address or a token in its message.
    console.error(
      error instanceof ConfigError
        ? error.message
        : `The audit trail could not be read (${error instanceof Error ? error.name : 'error'}).`,
    );
    process.exit(1);
  },
);
