import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Watches the server's SQLite file from a second, read-only connection. `PRAGMA data_version`
 * changes whenever another connection commits anything to the file (any list, the history, the
 * evidence table, an audit table, the change counter), so one cheap read before and after a
 * request says whether it wrote anything at all. Row counts of every table say what, for the
 * failure message.
 */
export function watchStore(dataDir: string) {
  const db = new Database(join(dataDir, 'critical-friend.db'), {
    readonly: true,
    fileMustExist: true,
  });
  const version = () => Number(db.pragma('data_version', { simple: true }));

  const counts = (): Record<string, number> => {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    const out: Record<string, number> = {};
    for (const { name } of tables)
      out[name] = Number(
        db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()?.n ?? 0,
      );
    return out;
  };

  /** Tables whose row count moved between two count snapshots, as "table +n". */
  const diff = (before: Record<string, number>, after: Record<string, number>): string[] =>
    [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((t) => (before[t] ?? 0) !== (after[t] ?? 0))
      .map(
        (t) =>
          `${t} ${(after[t] ?? 0) - (before[t] ?? 0) > 0 ? '+' : ''}${(after[t] ?? 0) - (before[t] ?? 0)}`,
      );

  /** Waits until nothing has been committed for `quietMs` (work a request started in the background). */
  const settle = async (quietMs = 60, maxMs = 3000) => {
    const end = Date.now() + maxMs;
    let last = version();
    while (Date.now() < end) {
      await new Promise((ok) => setTimeout(ok, quietMs));
      const now = version();
      if (now === last) return;
      last = now;
    }
  };

  return { version, counts, diff, settle, close: () => db.close() };
}

export type StoreWatch = ReturnType<typeof watchStore>;
