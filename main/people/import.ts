// Bringing an office's old spreadsheet into the register (issue 8, UX.md "Import"): read the file in a worker,
// find the header and map the columns, read every row the way Thai offices write it, and show each row as it will
// be stored — refused rows with the reason and the column, accepted rows with any warning — before anything is
// written. The commit writes the ready rows in one transaction in a worker (db/bulk-write.ts).
import { createHash, randomUUID } from 'node:crypto';
import { people, villages } from '../../db/schema';
import type { BulkWritePlan } from '../../db/bulk-write';
import type { AppContext } from '../api/router';
import { localIsoDate } from '../dates';
import type { CellValue, FieldSpec, ReadResult } from '../spreadsheets/read';
import { cellText, normaliseText, parseCitizenId, parsePhone, parseSex, parseThaiDate, parseVillageNumber, splitTitle, type Message } from '../spreadsheets/thai-values';
import { insertPersonStep, peopleStatements, updatePersonStep } from './bulk';
import { fullName } from './register';
import type { LifeStatus } from '../../db/schema';
import { crossFieldProblems, personFields, type PersonFields } from './schemas';

/** The kind under which the column mapping of a people import is remembered (spreadsheet_mappings.kind). */
export const PEOPLE_IMPORT_KIND = 'people';

/** The columns an import of people understands, with the headings offices give them. */
export const personImportFields: FieldSpec[] = [
  { key: 'title', label: { th: 'คำนำหน้าชื่อ', en: 'Title' }, headings: ['คำนำหน้า', 'คำนำหน้านาม', 'title', 'prefix'] },
  { key: 'fullName', label: { th: 'ชื่อ-สกุล', en: 'Full name' }, headings: ['ชื่อ-นามสกุล', 'ชื่อ สกุล', 'ชื่อและนามสกุล', 'ชื่อ-สกุลสมาชิก', 'name', 'full name'] },
  { key: 'firstName', label: { th: 'ชื่อ', en: 'First name' }, headings: ['ชื่อจริง', 'ชื่อตัว', 'first name', 'given name'] },
  { key: 'lastName', label: { th: 'นามสกุล', en: 'Last name' }, headings: ['สกุล', 'last name', 'surname', 'family name'] },
  { key: 'citizenId', label: { th: 'เลขประจำตัวประชาชน', en: 'Citizen ID' }, headings: ['เลขบัตรประชาชน', 'เลขบัตรประจำตัวประชาชน', 'เลขที่บัตรประชาชน', 'เลขประจำตัว', 'เลขบัตร', 'citizen id', 'id card', 'national id'] },
  { key: 'sex', label: { th: 'เพศ', en: 'Sex' }, headings: ['sex', 'gender'] },
  { key: 'birthDate', label: { th: 'วันเกิด', en: 'Birth date' }, headings: ['วันเดือนปีเกิด', 'วัน/เดือน/ปีเกิด', 'วัน เดือน ปี เกิด', 'ว/ด/ป เกิด', 'birth date', 'date of birth', 'dob'] },
  { key: 'houseNumber', label: { th: 'บ้านเลขที่', en: 'House number' }, headings: ['เลขที่', 'บ้านเลขที่', 'house no', 'house number'] },
  { key: 'village', label: { th: 'หมู่ที่', en: 'Village' }, headings: ['หมู่', 'ม.', 'หมู่บ้าน', 'village', 'moo'] },
  { key: 'address', label: { th: 'ที่อยู่', en: 'Address' }, headings: ['ที่อยู่อื่น', 'ซอย/ถนน', 'address'] },
  { key: 'phone', label: { th: 'โทรศัพท์', en: 'Phone' }, headings: ['เบอร์โทร', 'เบอร์โทรศัพท์', 'โทร', 'มือถือ', 'phone', 'mobile', 'tel'] },
  { key: 'lifeStatus', label: { th: 'สถานะ', en: 'Status' }, headings: ['สถานะบุคคล', 'status'] },
  { key: 'lifeStatusDate', label: { th: 'วันที่เสียชีวิต/ย้ายออก', en: 'Date of death or moving away' }, headings: ['วันที่เสียชีวิต', 'วันที่ย้ายออก', 'status date'] },
  { key: 'consent', label: { th: 'ความยินยอม (PDPA)', en: 'Consent (PDPA)' }, headings: ['ความยินยอม', 'ยินยอม', 'pdpa', 'consent'] },
  { key: 'consentDate', label: { th: 'วันที่ให้ความยินยอม', en: 'Consent date' }, headings: ['วันที่ยินยอม', 'consent date'] },
  { key: 'notes', label: { th: 'หมายเหตุ', en: 'Notes' }, headings: ['notes', 'remark', 'remarks'] },
];

/** How offices (and our own export) write a person's status. */
const lifeStatusWords: Record<string, LifeStatus> = {
  มีชีวิต: 'alive', มีชีวิตอยู่: 'alive', ปกติ: 'alive', alive: 'alive',
  เสียชีวิต: 'died', ตาย: 'died', ถึงแก่กรรม: 'died', died: 'died', dead: 'died',
  ย้าย: 'moved', ย้ายออก: 'moved', ย้ายที่อยู่: 'moved', moved: 'moved',
};
const consentWords: Record<string, boolean> = {
  ให้ความยินยอม: true, ยินยอม: true, ให้: true, ใช่: true, มี: true, yes: true, y: true, true: true, '1': true, '✓': true, '/': true,
  ยังไม่ได้ให้: false, ไม่ยินยอม: false, ไม่ให้: false, ไม่: false, ไม่มี: false, no: false, n: false, false: false, '0': false, '-': false,
};

function parseWord<T>(cell: CellValue, words: Record<string, T>, fallback: T, label: Message): { ok: true; value: T } | { ok: false; error: Message } {
  const shown = normaliseText(cellText(cell));
  if (shown === '') return { ok: true, value: fallback };
  const value = words[shown.toLowerCase().replace(/\s/g, '')];
  if (value !== undefined) return { ok: true, value };
  return { ok: false, error: { th: `${label.th} "${shown}" อ่านไม่ได้ ใช้ได้: ${Object.keys(words).filter((w) => /[ก-๙]/.test(w)).slice(0, 4).join(', ')}`, en: `${label.en} "${shown}" cannot be read` } };
}

export type ColumnMapping = Record<string, number | null>;
export type RowStatus = 'ready' | 'existing' | 'duplicateInFile' | 'error';

export interface RowMessage extends Message {
  /** the column heading the message is about, when it is about one */
  column: string | null;
  severity: 'error' | 'warning';
}

export interface CheckedRow {
  /** the row's number in the file, as the office sees it in Excel */
  rowNumber: number;
  status: RowStatus;
  person: PersonFields | null;
  messages: RowMessage[];
  /** the register's person with the same citizen ID */
  existing: { id: number; label: string } | null;
  /** the row's cells as read, for "download the rows in error" */
  cells: CellValue[];
}

export interface PreparedImport {
  id: string;
  userId: number;
  fileName: string;
  sha256: string;
  read: ReadResult;
  headerIndex: number;
  mapping: ColumnMapping;
  rows: CheckedRow[];
  /** the newest audit row when the rows were checked: a later one means the register may have changed */
  auditMark: number;
  committed: boolean;
  createdAt: number;
}

interface RegisterSnapshot {
  villageIds: Map<number, number>;
  peopleByCitizenId: Map<string, { id: number; label: string }>;
  similarKeys: Map<string, { id: number; label: string }>;
}

const similarKey = (p: { firstName: string; lastName: string; birthDate: string | null; villageId: number | null }) => `${p.firstName}\u0001${p.lastName}\u0001${p.birthDate}\u0001${p.villageId}`;

/** Who is already in the register, read once per preview (20,000 people: ~30 ms) instead of once per row. */
function registerSnapshot(app: AppContext): RegisterSnapshot {
  const villageRows = app.db.select({ id: villages.id, number: villages.number }).from(villages).all();
  const personRows = app.db
    .select({ id: people.id, title: people.title, firstName: people.firstName, lastName: people.lastName, citizenId: people.citizenId, birthDate: people.birthDate, villageId: people.villageId })
    .from(people)
    .all();
  const peopleByCitizenId = new Map<string, { id: number; label: string }>();
  const similarKeys = new Map<string, { id: number; label: string }>();
  for (const row of personRows) {
    const ref = { id: row.id, label: fullName(row) };
    if (row.citizenId) peopleByCitizenId.set(row.citizenId, ref);
    if (row.birthDate) similarKeys.set(similarKey(row), ref);
  }
  return { villageIds: new Map(villageRows.map((v) => [v.number, v.id])), peopleByCitizenId, similarKeys };
}

/** Title from sex and age when the file has none: only where there is one answer (an adult woman may be นาง or นางสาว). */
function titleFromSex(sex: 'M' | 'F' | null, birthDate: string | null, today: string): string | null {
  if (sex === null) return null;
  const child = birthDate !== null && birthDate > `${Number(today.slice(0, 4)) - 15}${today.slice(4)}`;
  if (child) return sex === 'M' ? 'เด็กชาย' : 'เด็กหญิง';
  return sex === 'M' ? 'นาย' : null;
}

const sexOfTitle: Record<string, 'M' | 'F'> = { นาย: 'M', เด็กชาย: 'M', นาง: 'F', นางสาว: 'F', เด็กหญิง: 'F' };

/** Reads one row into a person, or says why it cannot be one. */
function checkRow(cells: CellValue[], mapping: ColumnMapping, headings: string[], snapshot: RegisterSnapshot, today: string): { person: PersonFields | null; messages: RowMessage[] } {
  const messages: RowMessage[] = [];
  const cell = (key: string): CellValue => {
    const column = mapping[key];
    return column === null || column === undefined ? null : (cells[column] ?? null);
  };
  const heading = (key: string): string | null => {
    const column = mapping[key];
    return column === null || column === undefined ? null : (headings[column] ?? null);
  };
  const text = (key: string) => normaliseText(cellText(cell(key)));
  function take<T>(key: string, result: { ok: true; value: T; warning?: Message } | { ok: false; error: Message }): T | null {
    if (!result.ok) {
      messages.push({ ...result.error, column: heading(key), severity: 'error' });
      return null;
    }
    if (result.warning) messages.push({ ...result.warning, column: heading(key), severity: 'warning' });
    return result.value;
  }

  // Names: a full-name column, or first/last columns where the first may carry the title ("นายสมชาย").
  let title = text('title') || null;
  let firstName: string;
  let lastName: string;
  if (mapping.fullName !== null && mapping.fullName !== undefined && mapping.firstName == null) {
    const split = splitTitle(text('fullName'));
    firstName = split.firstName;
    lastName = split.lastName;
    title = title ?? split.title;
  } else if (title === null) {
    const split = splitTitle(text('firstName'));
    firstName = split.firstName;
    lastName = text('lastName') || split.lastName;
    title = split.title;
  } else {
    firstName = text('firstName');
    lastName = text('lastName');
  }

  const citizenId = take('citizenId', parseCitizenId(cell('citizenId')));
  const birthDate = take('birthDate', parseThaiDate(cell('birthDate'), { label: { th: 'วันเกิด', en: 'birth date' }, notAfter: today }));
  let sex = take('sex', parseSex(cell('sex')));
  const phone = take('phone', parsePhone(cell('phone')));
  const villageNumber = take('village', parseVillageNumber(cell('village')));
  let villageId: number | null = null;
  if (villageNumber !== null) {
    villageId = snapshot.villageIds.get(villageNumber) ?? null;
    if (villageId === null) {
      messages.push({
        th: `ยังไม่มีหมู่ที่ ${villageNumber} ในทะเบียนหมู่บ้าน กรุณาเพิ่มหมู่บ้านที่หน้าตั้งค่าก่อน แล้วนำเข้าแถวนี้อีกครั้ง`,
        en: `Village ${villageNumber} is not in the register yet; add it in Settings, then import this row again`,
        column: heading('village'),
        severity: 'error',
      });
    }
  }
  const lifeStatus = take('lifeStatus', parseWord(cell('lifeStatus'), lifeStatusWords, 'alive' as LifeStatus, { th: 'สถานะ', en: 'Status' }));
  const lifeStatusDate = take('lifeStatusDate', parseThaiDate(cell('lifeStatusDate'), { label: { th: 'วันที่เสียชีวิต/ย้ายออก', en: 'date of death or moving away' }, notAfter: today }));
  const consentGiven = take('consent', parseWord(cell('consent'), consentWords, false, { th: 'ความยินยอม', en: 'Consent' }));
  const consentDate = take('consentDate', parseThaiDate(cell('consentDate'), { label: { th: 'วันที่ให้ความยินยอม', en: 'consent date' }, notAfter: today }));
  if (title === null) {
    title = titleFromSex(sex, birthDate, today);
    if (title !== null) messages.push({ th: `ไม่มีคำนำหน้าชื่อ ใช้ "${title}" ตามเพศและอายุ`, en: `No title; "${title}" from sex and age`, column: null, severity: 'warning' });
  }
  if (sex === null && title !== null) sex = sexOfTitle[title] ?? null;
  if (!firstName) messages.push({ th: 'ไม่มีชื่อ', en: 'No first name', column: heading('firstName') ?? heading('fullName'), severity: 'error' });
  if (title === null && firstName) messages.push({ th: 'ไม่มีคำนำหน้าชื่อ และบอกจากเพศไม่ได้ กรุณาเพิ่มคอลัมน์คำนำหน้าชื่อ', en: 'No title, and none follows from the sex; add a title column', column: heading('title'), severity: 'error' });
  if (messages.some((m) => m.severity === 'error')) return { person: null, messages };

  if (citizenId === null) {
    messages.push({ th: 'ไม่มีเลขประจำตัวประชาชน บันทึกเหตุผลว่า "อื่น ๆ" (แก้ไขได้ภายหลัง)', en: 'No citizen ID; recorded with the reason "other" (can be changed later)', column: heading('citizenId'), severity: 'warning' });
  }
  const parsed = personFields.safeParse({
    title,
    firstName,
    lastName,
    citizenId,
    noCitizenIdReason: citizenId === null ? 'other' : null,
    sex,
    birthDate,
    houseNumber: text('houseNumber'),
    villageId,
    address: text('address'),
    phone: phone ?? '',
    consentGiven: consentGiven ?? false,
    consentDate,
    notes: text('notes'),
    lifeStatus: lifeStatus ?? 'alive',
    lifeStatusDate,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [th, en] = issue.message.includes('\u241F') ? issue.message.split('\u241F') : [issue.message, issue.message];
    messages.push({ th: th!, en: en!, column: heading(String(issue.path[0])), severity: 'error' });
    return { person: null, messages };
  }
  for (const problem of crossFieldProblems(parsed.data, today)) messages.push({ th: problem.th, en: problem.en, column: heading(problem.field), severity: 'error' });
  if (messages.some((m) => m.severity === 'error')) return { person: null, messages };
  return { person: parsed.data, messages };
}

/** The id of the newest audit row: every write leaves one, so an unchanged mark means an unchanged register. */
export function auditMark(app: AppContext): number {
  return (app.sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
}

/** Checks every row against the rules, the file itself and the register. */
export function checkRows(app: AppContext, read: ReadResult, headerIndex: number, mapping: ColumnMapping): CheckedRow[] {
  const today = localIsoDate(app.now());
  const snapshot = registerSnapshot(app);
  const headings = (read.table.rows[headerIndex] ?? []).map((cell) => normaliseText(cellText(cell)));
  const seenIds = new Map<string, number>();
  const checked: CheckedRow[] = [];
  for (let index = headerIndex + 1; index < read.table.rows.length; index++) {
    const cells = read.table.rows[index]!;
    const rowNumber = read.table.rowNumbers[index]!;
    const { person, messages } = checkRow(cells, mapping, headings, snapshot, today);
    let status: RowStatus = person ? 'ready' : 'error';
    let existing: CheckedRow['existing'] = null;
    if (person?.citizenId) {
      const earlier = seenIds.get(person.citizenId);
      existing = snapshot.peopleByCitizenId.get(person.citizenId) ?? null;
      if (earlier !== undefined) {
        status = 'duplicateInFile';
        messages.push({ th: `เลขประจำตัวประชาชนซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ ไม่นำเข้าแถวนี้`, en: `Same citizen ID as row ${earlier} of this file; this row is not imported`, column: null, severity: 'error' });
      } else if (existing) {
        status = 'existing';
        messages.push({ th: `มีในทะเบียนแล้ว: ${existing.label}`, en: `Already in the register: ${existing.label}`, column: null, severity: 'warning' });
      }
      if (earlier === undefined) seenIds.set(person.citizenId, rowNumber);
    }
    if (person && status === 'ready') {
      const twin = snapshot.similarKeys.get(similarKey(person));
      if (twin) messages.push({ th: `ชื่อและวันเกิดเดียวกับ ${twin.label} ในหมู่บ้านเดียวกัน อาจเป็นคนเดียวกัน`, en: `Same name and birth date as ${twin.label} in the same village; may be the same person`, column: null, severity: 'warning' });
    }
    checked.push({ rowNumber, status, person, messages, existing, cells });
  }
  return checked;
}

/** The import kept between preview and commit: per user, for an hour, a few at a time. */
const prepared = new Map<string, PreparedImport>();
const KEEP_MS = 60 * 60 * 1000;
const KEEP_AT_MOST = 4;

export function rememberImport(entry: Omit<PreparedImport, 'id' | 'createdAt' | 'committed'>): PreparedImport {
  const now = Date.now();
  for (const [id, old] of prepared) if (now - old.createdAt > KEEP_MS) prepared.delete(id);
  while (prepared.size >= KEEP_AT_MOST) prepared.delete(prepared.keys().next().value!);
  const stored = { ...entry, id: randomUUID(), createdAt: now, committed: false };
  prepared.set(stored.id, stored);
  return stored;
}

export function recallImport(id: string, userId: number): PreparedImport | null {
  const entry = prepared.get(id);
  return entry && entry.userId === userId ? entry : null;
}

/**
 * After the commit only the refused rows are still needed (to download and fix): the rest of a 20,000-row file
 * (~100 MB of cells and checked rows) is let go instead of being held for the hour the import is kept.
 */
export function keepOnlyRefusedRows(entry: PreparedImport): void {
  entry.committed = true;
  entry.rows = entry.rows.filter((row) => row.status === 'error' || row.status === 'duplicateInFile');
  const { table } = entry.read;
  entry.read = { ...entry.read, table: { ...table, rows: [table.rows[entry.headerIndex] ?? []], rowNumbers: [table.rowNumbers[entry.headerIndex] ?? 1] } };
  entry.headerIndex = 0;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const REMEMBER_MAPPING =
  'INSERT INTO spreadsheet_mappings (kind, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at';

export type ExistingPolicy = 'skip' | 'update';

export interface ImportCounts {
  rows: number;
  ready: number;
  withWarnings: number;
  errors: number;
  duplicatesInFile: number;
  existing: number;
}

export function countRows(rows: CheckedRow[]): ImportCounts {
  return {
    rows: rows.length,
    ready: rows.filter((r) => r.status === 'ready').length,
    withWarnings: rows.filter((r) => r.status === 'ready' && r.messages.length > 0).length,
    errors: rows.filter((r) => r.status === 'error').length,
    duplicatesInFile: rows.filter((r) => r.status === 'duplicateInFile').length,
    existing: rows.filter((r) => r.status === 'existing').length,
  };
}

/** What the commit will write: new people, and the existing ones updated when the user chose so. */
export function importPlan(entry: PreparedImport, policy: ExistingPolicy, actor: BulkWritePlan['actor'], sheet: string): BulkWritePlan {
  const at = actor.at;
  const steps: BulkWritePlan['steps'] = [];
  let inserted = 0;
  let updated = 0;
  for (const row of entry.rows) {
    if (row.status === 'ready') {
      steps.push(insertPersonStep(row.person!, at));
      inserted++;
    } else if (row.status === 'existing' && policy === 'update') {
      steps.push(updatePersonStep(row.existing!.id, row.person!, at));
      updated++;
    }
  }
  // The mapping is remembered by heading text, in the same transaction: the next file of this kind maps the same.
  const headerCells = entry.read.table.rows[entry.headerIndex] ?? [];
  const byField = Object.fromEntries(
    Object.entries(entry.mapping)
      .filter((pair): pair is [string, number] => pair[1] !== null)
      .map(([field, column]) => [field, normaliseText(cellText(headerCells[column] ?? null))]),
  );
  steps.push({ statement: 'rememberMapping', params: [PEOPLE_IMPORT_KIND, JSON.stringify(byField), at] });
  const counts = countRows(entry.rows);
  return {
    statements: { ...peopleStatements, rememberMapping: REMEMBER_MAPPING },
    steps,
    actor,
    audit: {
      entity: 'import',
      entityId: null,
      before: null,
      after: { kind: PEOPLE_IMPORT_KIND, fileName: entry.fileName, sha256: entry.sha256, sheet, rows: counts.rows, inserted, updated, skipped: counts.rows - inserted - updated, errors: counts.errors + counts.duplicatesInFile, existingPolicy: policy },
    },
  };
}
