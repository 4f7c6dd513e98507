import type Database from 'better-sqlite3';
import { appendAudit, type AuditActor, type AuditEntry } from './audit';

export type SqlValue = string | number | null;

/**
 * Many rows written as one change: named statements, the rows for each, and the one audit row that records the
 * whole change. Built by a domain (the people import), run by runBulkWrite() in a worker thread or in a test's child
 * process. Plain data, so it crosses to a worker as it is.
 */
/** Many rows of one statement as one flat list of values, `width` values a row. */
export interface BulkWriteRun {
  statement: string;
  width: number;
  values: SqlValue[];
}

export interface BulkWritePlan {
  statements: Record<string, string>;
  steps: { statement: string; params: SqlValue[] }[];
  /**
   * Runs of rows, run after the steps, run by run in order. Hundreds of thousands of rows cross to the worker as a
   * few plain arrays instead of an object each.
   */
  runs?: BulkWriteRun[];
  /** rows that will come after `runs` in batches (commitInWorker's `batches`), so progress has its total up front */
  batchedRows?: number;
  /**
   * Indexes (not UNIQUE: those guard the rows as they go in) dropped before the rows and built again after them, in
   * the same transaction: for a write much larger than the tables it goes into, building an index once over all its
   * keys costs less than a million inserts into it one by one.
   */
  rebuiltIndexes?: string[];
  actor: { userId: number | null; at: string; method: string };
  audit: AuditEntry;
}

export interface BulkWriteResult {
  /** rows changed per statement name */
  changes: Record<string, number>;
  auditId: number;
  /** time inside the transaction, from the first row to the commit (what a bare insert of the rows is compared with) */
  writeMs: number;
}

/** Slots of the Int32Array the main thread and the writing worker share (main/bulk-write.ts). */
export const SHARED = { cancel: 0, batchesPosted: 1, batchesTaken: 2 } as const;

export class BulkWriteCancelled extends Error {
  constructor() {
    super('bulk write cancelled');
  }
}

/** How often progress is reported and cancel is checked: often enough for a smooth bar, rare enough to cost nothing. */
const CHECK_EVERY_ROWS = 500;

/**
 * Rows one INSERT takes at once when a run is long: a statement's own cost (binding, stepping, resetting, the call
 * into SQLite) is paid once for them all — 1.5 million rows of the history import went in a quarter faster.
 */
const ROWS_PER_INSERT = 100;
/** SQLite's limit on a statement's parameters (32,766 since 3.32): a wide row gets fewer rows an insert. */
const MAX_PARAMETERS = 32_766;

/** `INSERT INTO t (a, b) VALUES (?, ?)` as its head and its one row of values; null for any other statement. */
const SINGLE_ROW_INSERT = /^(INSERT INTO [^(]+\([^()]*\) VALUES )(\([^()]*\))$/;

/**
 * The same insert taking `rows` rows at once, in the order given (the ids an AUTOINCREMENT gives are the same), or
 * null when the statement is not a plain one-row INSERT (an upsert, a DELETE): those run row by row.
 */
function manyRowInsert(sqlite: Database.Database, text: string, rows: number): Database.Statement | null {
  const parts = SINGLE_ROW_INSERT.exec(text.trim());
  if (!parts) return null;
  return sqlite.prepare(`${parts[1]}${Array.from({ length: rows }, () => parts[2]).join(', ')}`);
}

/**
 * Runs the plan in one transaction: every row and the audit row, or nothing (a cancel, an error in any row, or the
 * process being killed rolls everything back — SQLite's journal guarantees the last case).
 */
export function runBulkWrite(
  sqlite: Database.Database,
  plan: BulkWritePlan,
  watch: { progress?: (done: number, total: number) => void; cancelled?: () => boolean } = {},
  /** the next batch of runs after the plan's own, or null when there are no more (a write streamed to the worker) */
  nextBatch?: () => BulkWriteRun[] | null,
): BulkWriteResult {
  const prepared = new Map(Object.entries(plan.statements).map(([name, text]) => [name, sqlite.prepare(text)]));
  const changes: Record<string, number> = Object.fromEntries(Object.keys(plan.statements).map((name) => [name, 0]));
  const runs = plan.runs ?? [];
  const total = plan.steps.length + runs.reduce((sum, run) => sum + run.values.length / run.width, 0) + (plan.batchedRows ?? 0);
  const started = performance.now();
  const statementNamed = (name: string) => {
    const statement = prepared.get(name);
    if (!statement) throw new Error(`bulk write: unknown statement ${name}`);
    return statement;
  };
  let done = 0;
  let nextCheck = 0;
  /** before `rows` more rows are written: cancel looked at and progress told every CHECK_EVERY_ROWS rows */
  const checkpoint = (rows: number) => {
    if (done >= nextCheck) {
      if (watch.cancelled?.()) throw new BulkWriteCancelled();
      watch.progress?.(done, Math.max(done, total));
      nextCheck = done + CHECK_EVERY_ROWS;
    }
    done += rows;
  };
  // per statement name: its many-row form, prepared the first time a run is long enough to use it
  const manyRows = new Map<string, { statement: Database.Statement | null; rows: number }>();
  const manyRowsFor = (name: string, width: number) => {
    let known = manyRows.get(name);
    if (!known) {
      const rows = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, width))));
      known = { statement: rows > 1 ? manyRowInsert(sqlite, plan.statements[name]!, rows) : null, rows };
      manyRows.set(name, known);
    }
    return known;
  };
  const result = sqlite.transaction(() => {
    const rebuilt = (plan.rebuiltIndexes ?? []).map((name) => {
      const index = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) as { sql: string | null } | undefined;
      if (!index?.sql || /^CREATE\s+UNIQUE/i.test(index.sql)) throw new Error(`bulk write: ${name} is not an index that can be built again`);
      sqlite.exec(`DROP INDEX "${name}"`);
      return index.sql;
    });
    for (const step of plan.steps) {
      checkpoint(1);
      changes[step.statement]! += statementNamed(step.statement).run(step.params).changes;
    }
    const write = (run: BulkWriteRun) => {
      const statement = statementNamed(run.statement);
      const { values, width } = run;
      if (values.length % width !== 0) throw new Error(`bulk write: ${run.statement} takes ${width} values a row, not ${values.length} in all`);
      let changed = 0;
      let at = 0;
      const many = manyRowsFor(run.statement, width);
      if (many.statement && values.length >= many.rows * width) {
        // One array of parameters per run, refilled for each insert: a million rows allocate nothing of their own.
        const chunk = many.rows * width;
        const params = new Array<SqlValue>(chunk);
        for (; at + chunk <= values.length; at += chunk) {
          checkpoint(many.rows);
          for (let i = 0; i < chunk; i++) params[i] = values[at + i]!;
          changed += many.statement.run(params).changes;
        }
      }
      // the rows left over, one at a time
      const params = new Array<SqlValue>(width);
      for (; at < values.length; at += width) {
        checkpoint(1);
        for (let column = 0; column < width; column++) params[column] = values[at + column]!;
        changed += statement.run(params).changes;
      }
      changes[run.statement]! += changed;
    };
    for (const run of runs) write(run);
    if (nextBatch) for (let batch = nextBatch(); batch !== null; batch = nextBatch()) for (const run of batch) write(run);
    if (watch.cancelled?.()) throw new BulkWriteCancelled();
    for (const sql of rebuilt) sqlite.exec(sql);
    const actor: AuditActor = { userId: plan.actor.userId, at: new Date(plan.actor.at), method: plan.actor.method };
    const auditId = appendAudit(sqlite, actor, plan.audit);
    watch.progress?.(done, done);
    return { changes, auditId };
  }).immediate();
  return { ...result, writeMs: performance.now() - started };
}
