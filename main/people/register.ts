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

/** Written out field by field: spreading the row made this the list's most expensive step (tests/bench/people.ts). */
function listItem(row: Omit<PersonListItem, 'citizenIdMasked' | 'age'> & { citizenId: string | null }, today: string): PersonListItem {
  return {
    id: row.id,
    title: row.title,
    firstName: row.firstName,
    lastName: row.lastName,
    citizenIdMasked: row.citizenId === null ? null : maskCitizenId(row.citizenId),
    noCitizenIdReason: row.noCitizenIdReason,
    sex: row.sex,
    birthDate: row.birthDate,
    age: row.birthDate === null ? null : ageOn(row.birthDate, today),
    houseNumber: row.houseNumber,
    villageId: row.villageId,
    villageNumber: row.villageNumber,
    villageName: row.villageName,
    phone: row.phone,
    lifeStatus: row.lifeStatus,
    consentGiven: row.consentGiven,
  };
}

export interface ListConditions {
  where: SQL | undefined;
  /** the values of the placeholders in `where` */
  params: Record<string, string | number>;
  /** which filters are set and how many search terms: the queries for one shape are prepared once */
  shape: string;
  /** a village number was searched for ("ม.3"): the villages table is part of the filter */
  needsVillages: boolean;
}

/**
 * The WHERE of a people list: village, status, age band, consent and the search text. Values go in as placeholders
 * so that each shape of filter is prepared once per database: building a drizzle query costs about as much as
 * running the first screen's (tests/bench/people.ts).
 */
function listConditions(filter: PersonListFilter, today: string): ListConditions {
  const conditions: SQL[] = [];
  const params: Record<string, string | number> = {};
  const shape: string[] = [];
  const add = (name: string, value: string | number, condition: SQL) => {
    params[name] = value;
    shape.push(name);
    conditions.push(condition);
  };
  const query = parseSearchQuery(filter.text);
  query.terms.forEach((term, index) => add(`term${index}`, likeContains(term), sql`${people.searchText} LIKE ${sql.placeholder(`term${index}`)} ESCAPE '\\'`));
  if (query.villageNumber !== null) add('villageNumber', query.villageNumber, eq(villages.number, sql.placeholder('villageNumber')));
  if (filter.villageId !== null) add('villageId', filter.villageId, eq(people.villageId, sql.placeholder('villageId')));
  if (filter.lifeStatus !== null) add('lifeStatus', filter.lifeStatus, eq(people.lifeStatus, sql.placeholder('lifeStatus')));
  if (filter.consent !== null) add('consent', filter.consent === 'given' ? 1 : 0, eq(people.consentGiven, sql.placeholder('consent')));
  // Age 18 or more means born on or before the day 18 years ago.
  if (filter.ageBand === 'child' || filter.ageBand === 'adult') add('bornAfter', yearsBefore(today, filter.ageBand === 'child' ? 18 : 60), gt(people.birthDate, sql.placeholder('bornAfter')));
  if (filter.ageBand === 'adult' || filter.ageBand === 'elderly') add('bornBy', yearsBefore(today, filter.ageBand === 'adult' ? 18 : 60), lte(people.birthDate, sql.placeholder('bornBy')));
  return { where: and(...conditions), params, shape: shape.join(','), needsVillages: query.villageNumber !== null };
}

function preparedPerShape<Q>(build: (db: Db, conditions: ListConditions) => Q): (db: Db, conditions: ListConditions) => Q {
  const cache = new WeakMap<Db, Map<string, Q>>();
  return (db, conditions) => {
    let byShape = cache.get(db);
    if (!byShape) cache.set(db, (byShape = new Map()));
    let query = byShape.get(conditions.shape);
    if (!query) byShape.set(conditions.shape, (query = build(db, conditions)));
    return query;
  };
}

// The join cannot change the count (one village per person at most) and makes SQLite scan every row to count them
// (0.6 ms on 20,000 people, against 0.01 ms): it is made only when a village number is searched for.
const countQuery = preparedPerShape((db, { where, needsVillages }) => {
  const counted = db.select({ n: count() }).from(people);
  return (needsVillages ? counted.leftJoin(villages, eq(villages.id, people.villageId)) : counted).where(where).prepare();
});

const pageQuery = preparedPerShape((db, { where }) =>
  db
    .select(listColumns)
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(where)
    .orderBy(asc(people.sortKey), asc(people.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
);

export function listPeople(db: Db, now: Date, filter: PersonListFilter, page: { offset: number; limit: number }): { total: number; rows: PersonListItem[] } {
  const today = localIsoDate(now);
  const conditions = listConditions(filter, today);
  const total = countQuery(db, conditions).get(conditions.params)!.n;
  const rows = pageQuery(db, conditions).all({ ...conditions.params, ...page });
  return { total, rows: rows.map((row) => listItem(row, today)) };
}

/** Every person the filter selects, in list order, with the fields an exported list carries. */
export function listForExport(db: Db, now: Date, filter: PersonListFilter) {
  const today = localIsoDate(now);
  const conditions = listConditions(filter, today);
  return db
    .select({ ...listColumns, address: people.address, consentDate: people.consentDate, lifeStatusDate: people.lifeStatusDate, notes: people.notes })
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(conditions.where)
    .orderBy(asc(people.sortKey), asc(people.id))
    .all(conditions.params)
    .map((row) => ({ ...row, age: row.birthDate === null ? null : ageOn(row.birthDate, today) }));
}

/** The search query for one shape of filter: a name that starts with what was typed first, then Thai order. */
export function buildSearchQuery(db: Db, { where }: ListConditions) {
  const rank = sql`CASE WHEN ${people.firstName} LIKE ${sql.placeholder('startsWith')} ESCAPE '\\' THEN 0 WHEN ${people.lastName} LIKE ${sql.placeholder('startsWith')} ESCAPE '\\' THEN 1 ELSE 2 END`;
  return db
    .select(listColumns)
    .from(people)
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(where)
    .orderBy(rank, asc(people.sortKey), asc(people.id))
    .limit(sql.placeholder('limit'));
}

const searchQuery = preparedPerShape((db, conditions) => buildSearchQuery(db, conditions).prepare());

/** The conditions and values of a search, for searchPeople and for the benchmark's bare run of the same SQL. */
export function searchConditions(text: string, limit: number, today: string): ListConditions | null {
  const conditions = listConditions({ villageId: null, lifeStatus: null, ageBand: null, consent: null, text }, today);
  if (!conditions.where) return null;
  const first = parseSearchQuery(text).terms[0] ?? '';
  conditions.params.startsWith = `${first.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  conditions.params.limit = limit;
  return conditions;
}

/** Search as you type: the best few matches. */
export function searchPeople(db: Db, now: Date, text: string, limit: number): PersonListItem[] {
  const today = localIsoDate(now);
  const conditions = searchConditions(text, limit, today);
  return conditions ? searchQuery(db, conditions).all(conditions.params).map((row) => listItem(row, today)) : [];
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
