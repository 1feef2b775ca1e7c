import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type {
  EvidenceFile,
  EvidenceScreening,
  EvidenceStore,
  NewEvidence,
} from '../../application/ports/evidence.js';
import type { ChangeContext } from '../../application/ports/repository.js';
import { listNames, type ListName } from '../../domain/lists/schema.js';

const TABLE = 'evidence_files';

const ddl = [
  `CREATE TABLE IF NOT EXISTS ${TABLE} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    item_list TEXT NOT NULL,
    item_id TEXT NOT NULL,
    screening TEXT NOT NULL,
    attested_by TEXT,
    attested_at TEXT,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (item_list, item_id, sha256)
  )`,
];

const META = `id, name, content_type, size, item_list, item_id, screening, attested_by, attested_at,
  uploaded_by, uploaded_at, sha256`;

interface Row {
  id: string;
  name: string;
  content_type: string;
  size: number;
  item_list: string;
  item_id: string;
  screening: string;
  attested_by: string | null;
  attested_at: string | null;
  uploaded_by: string;
  uploaded_at: string;
  sha256: string;
}

const screenings: readonly string[] = ['text-checked', 'attested'] satisfies EvidenceScreening[];
const lists: readonly string[] = listNames;

function fromRow(row: Row): EvidenceFile {
  if (!lists.includes(row.item_list) || !screenings.includes(row.screening)) {
    throw new Error(`Corrupt evidence row ${row.id}`);
  }
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    itemList: row.item_list as ListName,
    itemId: row.item_id,
    screening: row.screening as EvidenceScreening,
    // Absent rather than undefined, so stored and read-back files compare equal.
    ...(row.attested_by === null ? {} : { attestedBy: row.attested_by }),
    ...(row.attested_at === null ? {} : { attestedAt: row.attested_at }),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    sha256: row.sha256,
  };
}

/**
 * Evidence files in the embedded store: metadata and the bytes in one table, in the same database
 * file as the lists (its own connection, so the repository stays untouched).
 */
export class SqliteEvidenceStore implements EvidenceStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (and if need be creates) the table. Pass the same path as the repository's. */
  static open(path: string): SqliteEvidenceStore {
    const db = new Database(path);
    try {
      if (path !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      for (const sql of ddl) db.exec(sql);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteEvidenceStore(db);
  }

  close(): void {
    this.db.close();
  }

  async put(file: NewEvidence, content: Uint8Array, ctx: ChangeContext): Promise<EvidenceFile> {
    const find = this.db.prepare<[string, string, string], Row>(
      `SELECT ${META} FROM ${TABLE} WHERE item_list = ? AND item_id = ? AND sha256 = ?`,
    );
    const row = this.db
      .transaction(() => {
        const existing = find.get(file.itemList, file.itemId, file.sha256);
        if (existing) return existing;
        this.db
          .prepare(
            `INSERT INTO ${TABLE} (${META}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            randomUUID(),
            file.name,
            file.contentType,
            content.byteLength,
            file.itemList,
            file.itemId,
            file.screening,
            file.attestedBy ?? null,
            file.attestedAt ?? null,
            ctx.actorId,
            ctx.at,
            file.sha256,
            Buffer.from(content.buffer, content.byteOffset, content.byteLength),
          );
        return find.get(file.itemList, file.itemId, file.sha256);
      })
      .immediate();
    if (!row) throw new Error('The evidence file was not stored.');
    return fromRow(row);
  }

  async list(itemList: ListName, itemId: string): Promise<EvidenceFile[]> {
    const rows = this.db
      .prepare<[string, string], Row>(
        `SELECT ${META} FROM ${TABLE} WHERE item_list = ? AND item_id = ? ORDER BY uploaded_at, seq`,
      )
      .all(itemList, itemId);
    return rows.map(fromRow);
  }

  async get(id: string): Promise<EvidenceFile | undefined> {
    const row = this.db.prepare<[string], Row>(`SELECT ${META} FROM ${TABLE} WHERE id = ?`).get(id);
    return row ? fromRow(row) : undefined;
  }

  async content(id: string): Promise<Uint8Array | undefined> {
    const row = this.db
      .prepare<[string], { content: Buffer }>(`SELECT content FROM ${TABLE} WHERE id = ?`)
      .get(id);
    return row ? new Uint8Array(row.content) : undefined;
  }
}
