import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { anonymisedPeople, auditLog, people, users, villages, welfareMemberships } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { localIsoDate } from '../dates';
import { formatCitizenId } from './citizen-id';
import { listPeople, personValues, personWithCitizenId, searchPeople, similarPeople, type PersonRow } from './register';
import { crossFieldProblems, personCreateInput, personFields, personListFilter, personUpdateInput, villageInput, type PersonFields } from './schemas';

/** Everyone who keeps records may edit the register; the viewer (auditor) only reads it. */
const registerEditors: readonly Role[] = ['secretary', 'treasurer', 'planner'];

function villageRow(app: AppContext, id: number) {
  const row = app.db.select().from(villages).where(eq(villages.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบหมู่บ้านนี้ อาจถูกลบไปแล้ว', 'This village was not found', 'villageId');
  return row;
}

function personRow(app: AppContext, id: number): PersonRow {
  const row = app.db.select().from(people).where(eq(people.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบข้อมูลบุคคลนี้', 'This person was not found', 'id');
  return row;
}

function villageNumberTaken(app: AppContext, number: number, exceptId: number | null): void {
  const other = app.db.select().from(villages).where(eq(villages.number, number)).get();
  if (other && other.id !== exceptId) {
    throw new ApiError('CONFLICT', `มีหมู่ที่ ${number} (${other.name}) อยู่แล้ว`, `Village ${number} (${other.name}) already exists`, 'number');
  }
}

/**
 * Refuses what the register must never hold; returns nothing when the person may be saved. The same-name warning
 * is given when a person is added or their name, birth date or village changes, not on every later edit.
 */
function checkPerson(app: AppContext, person: PersonFields & { acknowledgeSimilar: boolean }, before: PersonRow | null): void {
  const exceptId = before?.id ?? null;
  const [problem] = crossFieldProblems(person, localIsoDate(app.now()));
  if (problem) throw new ApiError('INVALID_INPUT', problem.th, problem.en, problem.field);
  if (person.villageId !== null) villageRow(app, person.villageId);
  if (person.citizenId !== null) {
    const owner = personWithCitizenId(app.db, person.citizenId, exceptId);
    if (owner) {
      throw new ApiError(
        'CONFLICT',
        `เลขประจำตัวประชาชน ${formatCitizenId(person.citizenId)} เป็นของ ${owner.label} อยู่แล้ว`,
        `The citizen ID ${formatCitizenId(person.citizenId)} already belongs to ${owner.label}`,
        'citizenId',
        { entity: 'person', ...owner },
      );
    }
  }
  const identityChanged =
    !before || before.firstName !== person.firstName || before.lastName !== person.lastName || before.birthDate !== person.birthDate || before.villageId !== person.villageId;
  if (!person.acknowledgeSimilar && identityChanged) {
    const [similar] = similarPeople(app.db, person, exceptId);
    if (similar) {
      throw new ApiError(
        'NEEDS_CONFIRMATION',
        `มี ${similar.label} ชื่อและวันเกิดเดียวกันในหมู่บ้านเดียวกันอยู่แล้ว อาจเป็นคนเดียวกัน ต้องการบันทึกเป็นอีกคนหนึ่งหรือไม่`,
        `${similar.label} has the same name and birth date in the same village; this may be the same person. Save as another person?`,
        'firstName',
        { entity: 'person', ...similar },
      );
    }
  }
}

/** A stored person for the form and the person page: the full citizen ID (the clerk is working on this record). */
function personDetail(app: AppContext, row: PersonRow) {
  const { sortKey: _sortKey, searchText: _searchText, ...fields } = row;
  const village = row.villageId === null ? null : villageRow(app, row.villageId);
  return { ...fields, village: village && { id: village.id, number: village.number, name: village.name } };
}

export const peopleMethods = [
  defineRead({
    name: 'people.villages.list',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) =>
      app.db
        .select({ id: villages.id, number: villages.number, name: villages.name, position: villages.position, peopleCount: count(people.id) })
        .from(villages)
        .leftJoin(people, eq(people.villageId, villages.id))
        .groupBy(villages.id)
        .orderBy(asc(villages.position), asc(villages.number))
        .all(),
  }),

  defineWrite({
    name: 'people.villages.create',
    input: villageInput,
    access: registerEditors,
    handler: ({ app, input }) => {
      villageNumberTaken(app, input.number, null);
      const last = app.db.select({ position: sql<number>`coalesce(max(${villages.position}), 0)` }).from(villages).get()!;
      const row = app.db.insert(villages).values({ ...input, position: last.position + 1 }).returning().get();
      return { result: row, audit: { entity: 'village', entityId: row.id, before: null, after: row } };
    },
  }),

  defineWrite({
    name: 'people.villages.update',
    input: villageInput.extend({ id: z.number().int().positive() }),
    access: registerEditors,
    handler: ({ app, input }) => {
      const before = villageRow(app, input.id);
      villageNumberTaken(app, input.number, input.id);
      const after = app.db.update(villages).set({ number: input.number, name: input.name }).where(eq(villages.id, input.id)).returning().get()!;
      return { result: after, audit: { entity: 'village', entityId: input.id, before, after } };
    },
  }),

  defineWrite({
    name: 'people.villages.reorder',
    input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(999) }),
    access: registerEditors,
    handler: ({ app, input }) => {
      const before = app.db.select({ id: villages.id, position: villages.position }).from(villages).orderBy(asc(villages.position)).all();
      const known = new Set(before.map((row) => row.id));
      if (input.ids.length !== known.size || new Set(input.ids).size !== known.size || !input.ids.every((id) => known.has(id))) {
        throw new ApiError('INVALID_INPUT', 'ลำดับหมู่บ้านต้องมีทุกหมู่บ้าน หมู่บ้านละครั้ง', 'The new order must list every village once', 'ids');
      }
      input.ids.forEach((id, index) => app.db.update(villages).set({ position: index + 1 }).where(eq(villages.id, id)).run());
      return { result: null, audit: { entity: 'village', entityId: null, before: before.map((row) => row.id), after: input.ids } };
    },
  }),

  defineWrite({
    name: 'people.villages.delete',
    input: z.object({ id: z.number().int().positive() }),
    access: registerEditors,
    handler: ({ app, input }) => {
      const before = villageRow(app, input.id);
      const residents = app.db.select({ n: count() }).from(people).where(eq(people.villageId, input.id)).get()!.n;
      if (residents > 0) {
        throw new ApiError(
          'CONFLICT',
          `ลบหมู่ที่ ${before.number} ${before.name} ไม่ได้ เพราะมีผู้อาศัย ${residents.toLocaleString('th-TH')} คน`,
          `Village ${before.number} ${before.name} cannot be deleted: ${residents.toLocaleString('en-US')} people live there`,
          'id',
        );
      }
      app.db.delete(villages).where(eq(villages.id, input.id)).run();
      return { result: null, audit: { entity: 'village', entityId: input.id, before, after: null } };
    },
  }),

  defineRead({
    name: 'people.persons.list',
    input: personListFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    access: 'user',
    handler: ({ app, input }) => listPeople(app.db, app.now(), input, { offset: input.offset, limit: input.limit }),
  }),

  defineRead({
    name: 'people.persons.search',
    input: z.object({ text: z.string().max(100), limit: z.number().int().min(1).max(50).default(10) }),
    access: 'user',
    handler: ({ app, input }) => searchPeople(app.db, app.now(), input.text, input.limit),
  }),

  defineRead({
    name: 'people.persons.get',
    input: z.object({ id: z.number().int().positive() }),
    access: 'user',
    handler: ({ app, input }) => {
      const row = personRow(app, input.id);
      const history = app.db
        .select({ at: auditLog.at, method: auditLog.method, user: users.displayName, before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.userId))
        .where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, String(input.id))))
        .orderBy(desc(auditLog.id))
        .all()
        .map((entry) => ({ at: entry.at, method: entry.method, user: entry.user, changes: changedFields(entry.before, entry.after) }));
      // What the other areas hold about this person: the fund's memberships (the council and the plan follow).
      const memberships = app.db
        .select({ id: welfareMemberships.id, memberNumber: welfareMemberships.memberNumber, startDate: welfareMemberships.startDate, endDate: welfareMemberships.endDate, endReason: welfareMemberships.endReason })
        .from(welfareMemberships)
        .where(eq(welfareMemberships.personId, input.id))
        .orderBy(asc(welfareMemberships.startDate))
        .all();
      // erased under PDPA (main/people/anonymise.ts): when, so the page says so instead of offering to edit
      const anonymised = app.db.select({ at: anonymisedPeople.anonymisedAt }).from(anonymisedPeople).where(eq(anonymisedPeople.personId, input.id)).get();
      return { person: personDetail(app, row), history, memberships, anonymisedAt: anonymised?.at ?? null };
    },
  }),

  defineRead({
    name: 'people.persons.checkDuplicates',
    input: personFields.pick({ citizenId: true, firstName: true, lastName: true, birthDate: true, villageId: true }).partial().extend({ exceptId: z.number().int().positive().nullable().default(null) }),
    access: 'user',
    handler: ({ app, input }) => ({
      sameCitizenId: input.citizenId ? personWithCitizenId(app.db, input.citizenId, input.exceptId) : null,
      similar:
        input.firstName && input.birthDate
          ? similarPeople(app.db, { firstName: input.firstName, lastName: input.lastName ?? '', birthDate: input.birthDate, villageId: input.villageId ?? null }, input.exceptId)
          : [],
    }),
  }),

  defineWrite({
    name: 'people.persons.create',
    input: personCreateInput,
    access: registerEditors,
    handler: ({ app, input }) => {
      checkPerson(app, input, null);
      const { acknowledgeSimilar: _acknowledged, ...fields } = input;
      const at = app.now().toISOString();
      const row = app.db.insert(people).values({ ...personValues(fields, at), createdAt: at }).returning().get();
      const detail = personDetail(app, row);
      return { result: detail, audit: { entity: 'person', entityId: row.id, before: null, after: fields } };
    },
  }),

  defineWrite({
    name: 'people.persons.update',
    input: personUpdateInput,
    access: registerEditors,
    handler: ({ app, input }) => {
      const before = personRow(app, input.id);
      // erased under PDPA: typing someone's data back in is a new record, not a correction of this one
      if (app.db.select().from(anonymisedPeople).where(eq(anonymisedPeople.personId, input.id)).get()) {
        throw new ApiError('CONFLICT', 'ข้อมูลส่วนบุคคลของบุคคลนี้ถูกลบแล้ว จึงแก้ไขไม่ได้ หากเป็นผู้มาใหม่ กรุณาเพิ่มเป็นบุคคลใหม่', "This person's personal data was erased; add a newcomer as a new person", 'id');
      }
      checkPerson(app, input, before);
      const { acknowledgeSimilar: _acknowledged, id, ...fields } = input;
      const row = app.db.update(people).set(personValues(fields, app.now().toISOString())).where(eq(people.id, id)).returning().get()!;
      return { result: personDetail(app, row), audit: { entity: 'person', entityId: id, before: storedFields(before), after: fields } };
    },
  }),
] as const;

/** The fields a user edits, as the audit log keeps them (not the derived keys). */
function storedFields(row: PersonRow): PersonFields {
  const { id: _id, sortKey: _s, searchText: _t, createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
}

/** Field by field, what a change did: the person page's history. */
function changedFields(before: string | null, after: string | null): { field: string; from: unknown; to: unknown }[] {
  const parse = (json: string | null) => ((json === null ? null : JSON.parse(json)) ?? {}) as Record<string, unknown>;
  const from = parse(before);
  const to = parse(after);
  const fields = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...fields].filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field])).map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
}

