// Reading the audit log for the history viewer (ประวัติการแก้ไข): filters that stay on indexes over hundreds of
// thousands of rows, pages by id (newest first, no OFFSET scans), and one record's history field by field.
import type Database from 'better-sqlite3';
import { localIsoDate } from '../dates';
import { formatCitizenId } from '../people/citizen-id';
import { formatThaiDate } from '../spreadsheets/thai-values';
import { codeName, fieldLabel } from './labels';

/** The areas of the app, as the first part of a method's name ("people.persons.update" → people). */
export const historyAreas = ['office', 'people', 'welfare', 'documents', 'backup', 'history'] as const;
export type HistoryArea = (typeof historyAreas)[number];

export interface HistoryFilter {
  userId: number | null;
  /** ISO local calendar days, both included */
  fromDate: string | null;
  toDate: string | null;
  area: HistoryArea | null;
  entity: string | null;
  entityId: string | null;
  text: string;
}

interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  method: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

export interface FieldChange {
  field: string;
  labelTh: string;
  labelEn: string;
  before: string;
  after: string;
}

export interface HistoryRow {
  id: number;
  at: string;
  userId: number | null;
  userName: string;
  method: string;
  area: string;
  entity: string;
  entityId: string | null;
  changes: FieldChange[];
}

/** The first moment of a local calendar day, as the ISO UTC text audit_log.at is stored in. */
function startOfLocalDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toISOString();
}

function nextIsoDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return localIsoDate(new Date(year, month - 1, day + 1));
}

/** LIKE pattern for text typed by a user: % and _ are letters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function whereClause(filter: HistoryFilter): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (filter.userId !== null) {
    parts.push('a.user_id = ?');
    params.push(filter.userId);
  }
  if (filter.fromDate) {
    parts.push('a.at >= ?');
    params.push(startOfLocalDay(filter.fromDate));
  }
  if (filter.toDate) {
    parts.push('a.at < ?');
    params.push(startOfLocalDay(nextIsoDay(filter.toDate)));
  }
  if (filter.area) {
    // a range on the method index: "people." up to "people/" ('/' sorts right after '.')
    parts.push('a.method >= ? AND a.method < ?');
    params.push(`${filter.area}.`, `${filter.area}/`);
  }
  if (filter.entity) {
    parts.push('a.entity = ?');
    params.push(filter.entity);
  }
  if (filter.entityId) {
    parts.push('a.entity_id = ?');
    params.push(filter.entityId);
  }
  const text = filter.text.trim();
  if (text) {
    const pattern = containsPattern(text);
    parts.push("(a.method LIKE ? ESCAPE '\\' OR a.entity LIKE ? ESCAPE '\\' OR a.entity_id = ? OR a.before LIKE ? ESCAPE '\\' OR a.after LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')");
    params.push(pattern, pattern, text, pattern, pattern, pattern);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const SELECT_ROWS = `SELECT a.id, a.at, a.user_id AS userId, u.display_name AS userName, a.method, a.entity, a.entity_id AS entityId, a.before, a.after
  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

/** A count beyond this is shown as "more than": counting every row of a big log on each page turn is wasted time. */
export const COUNT_CAP = 10_000;

export interface HistoryPage {
  rows: HistoryRow[];
  /** the id to pass as beforeId for the next (older) page; null on the last page */
  nextBeforeId: number | null;
  total: number;
  totalCapped: boolean;
}

export function historyPage(sqlite: Database.Database, filter: HistoryFilter, beforeId: number | null, limit: number): HistoryPage {
  const where = whereClause(filter);
  const pageWhere = beforeId === null ? where.sql : `${where.sql ? `${where.sql} AND` : 'WHERE'} a.id < ?`;
  const pageParams = beforeId === null ? where.params : [...where.params, beforeId];
  const rows = sqlite.prepare(`${SELECT_ROWS} ${pageWhere} ORDER BY a.id DESC LIMIT ?`).all(...pageParams, limit + 1) as AuditRow[];
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const counted = sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${where.sql} LIMIT ?)`).get(...where.params, COUNT_CAP + 1) as { n: number };
  const villages = villageNames(sqlite);
  return {
    rows: shown.map((row) => historyRow(row, villages)),
    nextBeforeId: more ? shown[shown.length - 1]!.id : null,
    total: Math.min(counted.n, COUNT_CAP),
    totalCapped: counted.n > COUNT_CAP,
  };
}

/** Every row of the filter, newest first, up to `max` (the export). */
export function historyRows(sqlite: Database.Database, filter: HistoryFilter, max: number): { rows: HistoryRow[]; truncated: boolean } {
  const where = whereClause(filter);
  const rows = sqlite.prepare(`${SELECT_ROWS} ${where.sql} ORDER BY a.id DESC LIMIT ?`).all(...where.params, max + 1) as AuditRow[];
  const villages = villageNames(sqlite);
  return { rows: rows.slice(0, max).map((row) => historyRow(row, villages)), truncated: rows.length > max };
}

/** One record's whole history, oldest first (the entity index). */
export function recordHistory(sqlite: Database.Database, entity: string, entityId: string): HistoryRow[] {
  const rows = sqlite.prepare(`${SELECT_ROWS} WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id`).all(entity, entityId) as AuditRow[];
  const villages = villageNames(sqlite);
  return rows.map((row) => historyRow(row, villages));
}

/** Villages by id, read once per call: a person's villageId is shown as "หมู่ที่ 3 บ้านหนองบัว". */
function villageNames(sqlite: Database.Database): Map<number, string> {
  const rows = sqlite.prepare('SELECT id, number, name FROM villages').all() as { id: number; number: number; name: string }[];
  return new Map(rows.map((village) => [village.id, `หมู่ที่ ${village.number} ${village.name}`.trim()]));
}

function historyRow(row: AuditRow, villages: Map<number, string>): HistoryRow {
  return {
    id: row.id,
    at: row.at,
    userId: row.userId,
    userName: row.userName ?? '',
    method: row.method,
    area: row.method.split('.')[0] ?? row.method,
    entity: row.entity,
    entityId: row.entityId,
    changes: fieldChanges(row.entity, parseJson(row.before), parseJson(row.after), villages),
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What changed, field by field: for a record before and after, the fields that differ; for a new record, its filled
 * fields; for anything else (a list of receipts printed, a login), the whole value as one line.
 */
export function fieldChanges(entity: string, before: unknown, after: unknown, villages: Map<number, string> = new Map()): FieldChange[] {
  const text = (field: string, value: unknown) => (field === 'villageId' && typeof value === 'number' ? (villages.get(value) ?? String(value)) : valueText(field, value));
  if ((isRecord(before) || before === null) && (isRecord(after) || after === null)) {
    const was = before ?? {};
    const now = after ?? {};
    const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    return fields
      .filter((field) => JSON.stringify(emptyAsNull(was[field])) !== JSON.stringify(emptyAsNull(now[field])))
      .map((field) => ({ field, ...fieldLabel(entity, field), before: text(field, was[field]), after: text(field, now[field]) }));
  }
  return [{ field: '', ...fieldLabel(entity, ''), before: valueText('', before), after: valueText('', after) }];
}

/** An empty text and no value read the same on screen: a new record's blank fields are not changes. */
const emptyAsNull = (value: unknown) => (value === undefined || value === '' ? null : value);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A stored moment (ISO UTC) as the office reads it: the local day in B.E. and the time, "15/03/2569 14:05". */
export function momentText(isoMoment: string): string {
  const moment = new Date(isoMoment);
  if (Number.isNaN(moment.getTime())) return isoMoment;
  const time = `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
  return `${formatThaiDate(localIsoDate(moment))} ${time}`;
}

/** A stored value as one line of text: B.E. dates, baht for satang, ใช่/ไม่ใช่, empty as "". */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  if (typeof value === 'boolean') return value ? 'ใช่' : 'ไม่ใช่';
  const named = codeName(field, value);
  if (named) return named;
  if (typeof value === 'number') {
    if (/satang$/i.test(field)) return `${(value / 100).toLocaleString('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} บาท`;
    return String(value);
  }
  if (typeof value === 'string') {
    if (field === 'citizenId' && /^\d{13}$/.test(value)) return formatCitizenId(value);
    if (ISO_DAY.test(value)) return formatThaiDate(value);
    if (ISO_MOMENT.test(value)) return momentText(value);
    return value;
  }
  return JSON.stringify(value);
}
