// Reading and writing the register: rows as lists show them, the duplicate rules, and the row values a write
// stores (with its sort and search keys). The import uses the same rules and values in bulk.
import { and, asc, count, eq, gt, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { people, villages } from '../../db/schema';
import { ageOn, localIsoDate, yearsBefore } from '../dates';
import { maskCitizenId } from './citizen-id';
import type { PersonFields, PersonListFilter } from './schemas';
import { likeContains, parseSearchQuery, personSearchText } from './search';
import { thaiSortKey } from './thai-order';

export type PersonRow = typeof people.$inferSelect;

/** What the values of a stored person are, computed from the fields the user gave. */
export function personValues(fields: PersonFields, at: string): Omit<typeof people.$inferInsert, 'id' | 'createdAt'> {
  return {
    ...fields,
    sortKey: thaiSortKey(fields.firstName, fields.lastName),
    searchText: personSearchText(fields),
    updatedAt: at,
  };
}

/** How a person is named on screen and in messages: "นายสมชาย ใจดี". */
export function fullName(person: { title: string; firstName: string; lastName: string }): string {
  return `${person.title}${person.firstName}${person.lastName ? ` ${person.lastName}` : ''}`;
}

const listColumns = {
  id: people.id,
  title: people.title,
  firstName: people.firstName,
  lastName: people.lastName,
  citizenId: people.citizenId,
  noCitizenIdReason: people.noCitizenIdReason,
  sex: people.sex,
  birthDate: people.birthDate,
  houseNumber: people.houseNumber,
  villageId: people.villageId,
  villageNumber: villages.number,
  villageName: villages.name,
  phone: people.phone,
  lifeStatus: people.lifeStatus,
  consentGiven: people.consentGiven,
};

/** A person as lists and search results show them: the citizen ID masked (DESIGN.md rule 8), the age computed. */
export interface PersonListItem {
  id: number;
  title: string;
  firstName: string;
  lastName: string;
  citizenIdMasked: string | null;
  noCitizenIdReason: PersonRow['noCitizenIdReason'];
  sex: PersonRow['sex'];
  birthDate: string | null;
  age: number | null;
  houseNumber: string;
  villageId: number | null;
  villageNumber: number | null;
  villageName: string | null;
  phone: string;
  lifeStatus: PersonRow['lifeStatus'];
  consentGiven: boolean;
}

function listItem(row: Omit<PersonListItem, 'citizenIdMasked' | 'age'> & { citizenId: string | null }, today: string): PersonListItem {
  const { citizenId, ...rest } = row;
  return {
    ...rest,
    citizenIdMasked: citizenId === null ? null : maskCitizenId(citizenId),
    age: row.birthDate === null ? null : ageOn(row.birthDate, today),
  };
}

/** The WHERE of a people list: village, status, age band, consent and the search text. */
function listConditions(filter: PersonListFilter, today: string): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const query = parseSearchQuery(filter.text);
  for (const term of query.terms) conditions.push(sql`${people.searchText} LIKE ${likeContains(term)} ESCAPE '\\'`);
  if (query.villageNumber !== null) conditions.push(eq(villages.number, query.villageNumber));
  if (filter.villageId !== null) conditions.push(eq(people.villageId, filter.villageId));
  if (filter.lifeStatus !== null) conditions.push(eq(people.lifeStatus, filter.lifeStatus));
  if (filter.consent === 'given') conditions.push(eq(people.consentGiven, true));
  if (filter.consent === 'missing') conditions.push(eq(people.consentGiven, false));
  // Age 18 or more means born on or before the day 18 years ago.
  if (filter.ageBand === 'child') conditions.push(gt(people.birthDate, yearsBefore(today, 18)));
  if (filter.ageBand === 'adult') conditions.push(and(lte(people.birthDate, yearsBefore(today, 18)), gt(people.birthDate, yearsBefore(today, 60))));
  if (filter.ageBand === 'elderly') conditions.push(lte(people.birthDate, yearsBefore(today, 60)));
  return and(...conditions);
}

export function listPeople(db: Db, now: Date, filter: PersonListFilter, page: { offset: number; limit: number }): { total: number; rows: PersonListItem[] } {
  const today = localIsoDate(now);
  const where = listConditions(filter, today);
  const total = db.select({ n: count() }).from(people).leftJoin(villages, eq(villages.id, people.villageId)).where(where).get()!.n;
  const rows = db
    .select(listColumns)
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(where)
    .orderBy(asc(people.sortKey), asc(people.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { total, rows: rows.map((row) => listItem(row, today)) };
}

/** Every person the filter selects, in list order, with the fields an exported list carries. */
export function listForExport(db: Db, now: Date, filter: PersonListFilter) {
  const today = localIsoDate(now);
  return db
    .select({ ...listColumns, address: people.address, consentDate: people.consentDate, lifeStatusDate: people.lifeStatusDate, notes: people.notes })
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(listConditions(filter, today))
    .orderBy(asc(people.sortKey), asc(people.id))
    .all()
    .map((row) => ({ ...row, age: row.birthDate === null ? null : ageOn(row.birthDate, today) }));
}

/**
 * Search as you type: the best few matches, a name that starts with what was typed first, then Thai order.
 * The query alone is exported for the benchmark, which runs the same SQL through bare better-sqlite3.
 */
export function searchPeopleQuery(db: Db, today: string, text: string, limit: number) {
  const where = listConditions({ villageId: null, lifeStatus: null, ageBand: null, consent: null, text }, today);
  if (!where) return null;
  const first = parseSearchQuery(text).terms[0] ?? '';
  const startsWith = `${first.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rank = sql`CASE WHEN ${people.firstName} LIKE ${startsWith} ESCAPE '\\' THEN 0 WHEN ${people.lastName} LIKE ${startsWith} ESCAPE '\\' THEN 1 ELSE 2 END`;
  return db
    .select(listColumns)
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(where)
    .orderBy(rank, asc(people.sortKey), asc(people.id))
    .limit(limit);
}

export function searchPeople(db: Db, now: Date, text: string, limit: number): PersonListItem[] {
  const today = localIsoDate(now);
  const query = searchPeopleQuery(db, today, text, limit);
  return query ? query.all().map((row) => listItem(row, today)) : [];
}

export interface PersonRef {
  id: number;
  label: string;
}

/** "นายสมชาย ใจดี (หมู่ 3 บ้านหนองบัว)": how a message names another record. */
export function personRef(db: Db, id: number): PersonRef {
  const row = db
    .select({ title: people.title, firstName: people.firstName, lastName: people.lastName, number: villages.number, name: villages.name })
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(eq(people.id, id))
    .get()!;
  const village = row.number === null ? '' : ` (หมู่ ${row.number} ${row.name})`;
  return { id, label: `${fullName(row)}${village}` };
}

export function personWithCitizenId(db: Db, citizenId: string, exceptId: number | null): PersonRef | null {
  const row = db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.citizenId, citizenId), exceptId === null ? undefined : sql`${people.id} <> ${exceptId}`))
    .get();
  return row ? personRef(db, row.id) : null;
}

/** Same first and last name and birth date in the same village: probably the same person entered twice. */
export function similarPeople(
  db: Db,
  person: Pick<PersonFields, 'firstName' | 'lastName' | 'birthDate' | 'villageId'>,
  exceptId: number | null,
): PersonRef[] {
  if (person.birthDate === null) return [];
  const rows = db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        person.villageId === null ? isNull(people.villageId) : eq(people.villageId, person.villageId),
        eq(people.birthDate, person.birthDate),
        eq(people.firstName, person.firstName),
        eq(people.lastName, person.lastName),
        exceptId === null ? undefined : sql`${people.id} <> ${exceptId}`,
      ),
    )
    .limit(5)
    .all();
  return rows.map((row) => personRef(db, row.id));
}
