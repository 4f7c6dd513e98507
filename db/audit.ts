import type Database from 'better-sqlite3';

/** What one audit row says about a change: the thing changed and how it looked before and after. */
export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
}

export interface AuditActor {
  userId: number | null;
  at: Date;
  method: string;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Appends one row to audit_log on this connection, inside the caller's transaction when there is one. Raw SQL on
 * purpose: an import worker opens its own connection without the drizzle layer and must write the same row.
 */
export function appendAudit(sqlite: Database.Database, actor: AuditActor, entry: AuditEntry): number {
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare('INSERT INTO audit_log (user_id, at, method, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    statements.set(sqlite, insert);
  }
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  const info = insert.run(
    actor.userId,
    actor.at.toISOString(),
    actor.method,
    entry.entity,
    entry.entityId === null ? null : String(entry.entityId),
    json(entry.before),
    json(entry.after),
  );
  return Number(info.lastInsertRowid);
}
