import type Database from 'better-sqlite3';
import { appendAudit, type AuditActor, type AuditEntry } from './audit';

export type SqlValue = string | number | null;

/**
 * Many rows written as one change: named statements, the rows for each, and the one audit row that records the
 * whole change. Built by a domain (the people import), run by runBulkWrite() in a worker thread or in a test's child
 * process. Plain data, so it crosses to a worker as it is.
 */
export interface BulkWritePlan {
  statements: Record<string, string>;
  steps: { statement: string; params: SqlValue[] }[];
  /**
   * Many rows of one statement as one flat list of values (`width` values a row), run after the steps, run by run in
   * order. Hundreds of thousands of rows cross to the worker as a few plain arrays instead of an object each.
   */
  runs?: { statement: string; width: number; values: SqlValue[] }[];
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

export class BulkWriteCancelled extends Error {
  constructor() {
    super('bulk write cancelled');
  }
}

/** How often progress is reported and cancel is checked: often enough for a smooth bar, rare enough to cost nothing. */
const CHECK_EVERY_ROWS = 500;

/**
 * Runs the plan in one transaction: every row and the audit row, or nothing (a cancel, an error in any row, or the
 * process being killed rolls everything back — SQLite's journal guarantees the last case).
 */
export function runBulkWrite(
  sqlite: Database.Database,
  plan: BulkWritePlan,
  watch: { progress?: (done: number, total: number) => void; cancelled?: () => boolean } = {},
): BulkWriteResult {
  const prepared = new Map(Object.entries(plan.statements).map(([name, text]) => [name, sqlite.prepare(text)]));
  const changes: Record<string, number> = Object.fromEntries(Object.keys(plan.statements).map((name) => [name, 0]));
  const runs = plan.runs ?? [];
  const total = plan.steps.length + runs.reduce((sum, run) => sum + run.values.length / run.width, 0);
  const started = performance.now();
  const statementNamed = (name: string) => {
    const statement = prepared.get(name);
    if (!statement) throw new Error(`bulk write: unknown statement ${name}`);
    return statement;
  };
  let done = 0;
  const checkpoint = () => {
    if (done % CHECK_EVERY_ROWS === 0) {
      if (watch.cancelled?.()) throw new BulkWriteCancelled();
      watch.progress?.(done, total);
    }
    done++;
  };
  const result = sqlite.transaction(() => {
    for (const step of plan.steps) {
      checkpoint();
      changes[step.statement]! += statementNamed(step.statement).run(step.params).changes;
    }
    for (const run of runs) {
      const statement = statementNamed(run.statement);
      for (let at = 0; at < run.values.length; at += run.width) {
        checkpoint();
        changes[run.statement]! += statement.run(run.values.slice(at, at + run.width)).changes;
      }
    }
    if (watch.cancelled?.()) throw new BulkWriteCancelled();
    const actor: AuditActor = { userId: plan.actor.userId, at: new Date(plan.actor.at), method: plan.actor.method };
    const auditId = appendAudit(sqlite, actor, plan.audit);
    watch.progress?.(total, total);
    return { changes, auditId };
  }).immediate();
  return { ...result, writeMs: performance.now() - started };
}
