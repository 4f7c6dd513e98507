// Anonymising a person who left long ago (PDPA, DOMAIN.md §4.7; issue 11). The law's right to erasure meets the
// fund's duty to keep its accounts: the person's identifying data is replaced by a marker everywhere the app copied
// it, and every money record (receipts, vouchers, journal lines, totals), every member number and the village stay
// as they were, so every report's figures are unchanged.
//
// The audit log: its rows about this person (the register's and their memberships' history) keep which field changed
// and when, but the erased values in them are replaced as well, and copies of the name or citizen ID in any other row
// are replaced by the marker. An audit log that kept the values would keep exactly what the law says to erase; what
// the accounts need from it (who recorded which money, when) does not depend on the values. The anonymise row itself
// names the fields erased and how many rows were rewritten, never the values.
//
// Backups taken before still hold the old values until they rotate out (12 monthly copies at most) or are deleted;
// the confirmation says so. SQLite's secure_delete is on for the rewrite and the log is checkpointed after it, so the
// old values do not linger in the file's free space or its write-ahead log.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { anonymisedPeople, people, privacySettings, welfareBeneficiaries, welfareClaims, welfareMemberships, welfarePayouts, welfareReceipts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import { localIsoDate, yearsBefore } from '../dates';
import { fieldLabel } from '../history/labels';
import { dateEn, dateTh } from '../welfare/wording';
import { formatCitizenId } from './citizen-id';
import { fullName, personValues } from './register';

/** [U] DOMAIN.md §4.7 gives no retention period (PDPA s.33 is unconfirmed there): 10 years, the office may change it. */
export const DEFAULT_ANONYMISE_AFTER_YEARS = 10;

/** The name an anonymised person is shown and printed under. */
export function anonymisedName(personId: number): string {
  return `ผู้ถูกลบข้อมูลส่วนบุคคล #${personId}`;
}

/** Keys of a person's (or their membership's) audit JSON whose values are erased. */
const ERASED_KEYS = new Set(['title', 'firstName', 'lastName', 'citizenId', 'birthDate', 'houseNumber', 'address', 'phone', 'notes', 'consentScope', 'endNote']);
/** The register's fields erased, as the confirmation lists them. */
export const erasedFields = ['title', 'firstName', 'lastName', 'citizenId', 'birthDate', 'houseNumber', 'address', 'phone', 'notes', 'consentScope'] as const;

export function anonymiseAfterYears(app: AppContext): number {
  return app.db.select().from(privacySettings).where(eq(privacySettings.id, 1)).get()?.anonymiseAfterYears ?? DEFAULT_ANONYMISE_AFTER_YEARS;
}

function refuse(th: string, en: string): never {
  throw new ApiError('CONFLICT', th, en, 'personId');
}

/**
 * What anonymising this person would do, or the reason it may not: refused for someone still a member, with a claim
 * not yet decided or paid, named as beneficiary on an open membership, or who left less than the set years ago.
 */
export function anonymiseReview(app: AppContext, personId: number) {
  const person = app.db.select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new ApiError('NOT_FOUND', 'ไม่พบข้อมูลบุคคลนี้', 'This person was not found', 'personId');
  const name = fullName(person);
  if (app.db.select().from(anonymisedPeople).where(eq(anonymisedPeople.personId, personId)).get()) {
    refuse(`${name} ถูกลบข้อมูลส่วนบุคคลไปแล้ว`, `${personId} was already anonymised`);
  }
  const memberships = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.personId, personId)).orderBy(asc(welfareMemberships.startDate)).all();
  const open = memberships.find((membership) => membership.endDate === null);
  if (open) refuse(`${name} ยังเป็นสมาชิกกองทุนอยู่ (เลขที่สมาชิก ${open.memberNumber}) จึงลบข้อมูลส่วนบุคคลไม่ได้`, `${name} is still a member (number ${open.memberNumber})`);
  const membershipIds = memberships.map((membership) => membership.id);
  const claims = membershipIds.length ? app.db.select().from(welfareClaims).where(inArray(welfareClaims.membershipId, membershipIds)).all() : [];
  const openClaim = claims.find((claim) => claim.status === 'pending' || claim.status === 'approved');
  if (openClaim) {
    const what = openClaim.status === 'pending' ? 'รอพิจารณา' : 'อนุมัติแล้วแต่ยังไม่ได้จ่าย';
    refuse(`${name} มีคำขอรับสวัสดิการที่${what} (เหตุวันที่ ${dateTh(openClaim.eventDate)}) จึงลบข้อมูลส่วนบุคคลไม่ได้`, `${name} has a claim not yet settled (event ${dateEn(openClaim.eventDate)})`);
  }
  const beneficiaryOf = app.db
    .select({ memberNumber: welfareMemberships.memberNumber })
    .from(welfareBeneficiaries)
    .innerJoin(welfareMemberships, eq(welfareMemberships.id, welfareBeneficiaries.membershipId))
    .where(and(eq(welfareBeneficiaries.personId, personId), isNull(welfareMemberships.endDate)))
    .get();
  if (beneficiaryOf) {
    refuse(
      `${name} เป็นผู้รับผลประโยชน์ของสมาชิกเลขที่ ${beneficiaryOf.memberNumber} ซึ่งยังเป็นสมาชิกอยู่ กรุณาแก้ไขผู้รับผลประโยชน์ก่อน`,
      `${name} is a beneficiary of member ${beneficiaryOf.memberNumber}, who is still a member`,
    );
  }
  const left = person.lifeStatus !== 'alive' || memberships.length > 0;
  if (!left) refuse(`${name} ยังไม่ได้เสียชีวิตหรือย้ายออก และไม่เคยเป็นสมาชิกกองทุน จึงลบข้อมูลส่วนบุคคลไม่ได้`, `${name} has neither died, moved away nor left the fund`);
  // The day they left: death or moving away, or the end of their last membership, whichever is later.
  const leftDates = [person.lifeStatus !== 'alive' ? person.lifeStatusDate : null, ...memberships.map((membership) => membership.endDate)].filter((date): date is string => date !== null);
  if (leftDates.length === 0) {
    refuse(`ไม่ทราบวันที่${person.lifeStatus === 'died' ? 'เสียชีวิต' : 'ย้ายออก'}ของ ${name} กรุณาบันทึกวันที่ในทะเบียนก่อน`, `The date ${name} ${person.lifeStatus === 'died' ? 'died' : 'moved away'} is not recorded`);
  }
  const leftOn = leftDates.sort().at(-1)!;
  const years = anonymiseAfterYears(app);
  const today = localIsoDate(app.now());
  if (leftOn > yearsBefore(today, years)) {
    const from = `${String(Number(leftOn.slice(0, 4)) + years).padStart(4, '0')}${leftOn.slice(4)}`;
    refuse(`${name} ออกไปเมื่อ ${dateTh(leftOn)} ยังไม่ครบ ${years} ปี ลบข้อมูลส่วนบุคคลได้ตั้งแต่ ${dateTh(from)}`, `${name} left on ${dateEn(leftOn)}, less than ${years} years ago; possible from ${dateEn(from)}`);
  }
  const receipts = membershipIds.length ? app.db.select({ id: welfareReceipts.id }).from(welfareReceipts).where(inArray(welfareReceipts.membershipId, membershipIds)).all().length : 0;
  const claimIds = claims.map((claim) => claim.id);
  const payouts = claimIds.length ? app.db.select({ id: welfarePayouts.id }).from(welfarePayouts).where(inArray(welfarePayouts.claimId, claimIds)).all().length : 0;
  const beneficiaryRows = app.db.select({ id: welfareBeneficiaries.id }).from(welfareBeneficiaries).where(eq(welfareBeneficiaries.personId, personId)).all().length;
  return {
    personId,
    name,
    marker: anonymisedName(personId),
    leftOn,
    years,
    erases: { fields: [...erasedFields], beneficiaryRows },
    keeps: { memberNumbers: memberships.map((membership) => membership.memberNumber), villageId: person.villageId, sex: person.sex, lifeStatus: person.lifeStatus, receipts, claims: claims.length, payouts },
  };
}

/** Replaces every erased key's value in one audit JSON (nested too); the first name becomes the marker. */
function redactJson(json: string | null, marker: string): string | null {
  if (json === null) return null;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (!ERASED_KEYS.has(key) || inner === null) return [key, walk(inner)];
        return [key, key === 'firstName' ? marker : typeof inner === 'string' ? '' : null];
      }),
    );
  };
  return JSON.stringify(walk(JSON.parse(json)));
}

/** Every text column of every table of ours, for the sweep of copied names. */
function textColumns(app: AppContext): { table: string; column: string }[] {
  const tables = app.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (app.sqlite.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(name) as { name: string; type: string }[])
      .filter((column) => column.type.toUpperCase() === 'TEXT')
      .map((column) => ({ table: name, column: column.name })),
  );
}

/**
 * The strings that identify this person wherever the app copied them (a receipt's payer, a voucher's recipient, a
 * journal entry's description, a JSON audit value): the full name with and without the title, and the citizen ID as
 * typed and as grouped. A first name alone or a house number is too common to sweep; those are erased only in the
 * person's own rows.
 */
function copiedIdentifiers(person: typeof people.$inferSelect): string[] {
  const names = [fullName(person), person.lastName ? `${person.firstName} ${person.lastName}` : ''];
  const ids = person.citizenId ? [person.citizenId, formatCitizenId(person.citizenId)] : [];
  const phone = person.phone.replace(/\D/g, '').length >= 9 ? [person.phone] : [];
  return [...new Set([...names, ...ids, ...phone].filter((text) => text.length >= 4))].sort((a, b) => b.length - a.length);
}

export function anonymisePerson(app: AppContext, personId: number, userId: number | null) {
  const review = anonymiseReview(app, personId);
  const person = app.db.select().from(people).where(eq(people.id, personId)).get()!;
  const marker = review.marker;
  const at = app.now().toISOString();
  const memberships = app.db.select({ id: welfareMemberships.id }).from(welfareMemberships).where(eq(welfareMemberships.personId, personId)).all().map((row) => row.id);

  // the register row: the marker as the name, the rest emptied; sex, village, life status and consent stay
  app.db
    .update(people)
    .set(
      personValues(
        {
          title: '',
          firstName: marker,
          lastName: '',
          citizenId: null,
          noCitizenIdReason: 'other',
          sex: person.sex,
          birthDate: null,
          houseNumber: '',
          villageId: person.villageId,
          address: '',
          phone: '',
          consentGiven: person.consentGiven,
          consentDate: person.consentDate,
          consentScope: '',
          notes: '',
          lifeStatus: person.lifeStatus,
          lifeStatusDate: person.lifeStatusDate,
        },
        at,
      ),
    )
    .where(eq(people.id, personId))
    .run();
  if (memberships.length) {
    app.db.update(welfareMemberships).set({ endNote: '' }).where(inArray(welfareMemberships.id, memberships)).run();
    app.db.update(welfareReceipts).set({ payerName: marker }).where(inArray(welfareReceipts.membershipId, memberships)).run();
    const claimIds = app.db.select({ id: welfareClaims.id }).from(welfareClaims).where(inArray(welfareClaims.membershipId, memberships)).all().map((row) => row.id);
    // a voucher paid to the person themself (not a beneficiary's death benefit): the recipient and address go
    if (claimIds.length) app.db.update(welfarePayouts).set({ recipientName: marker, recipientAddress: '' }).where(and(inArray(welfarePayouts.claimId, claimIds), eq(welfarePayouts.recipientName, fullName(person)))).run();
  }
  app.db.update(welfareBeneficiaries).set({ name: marker }).where(eq(welfareBeneficiaries.personId, personId)).run();

  // the history of this person and of their memberships: which field changed stays, the values go
  const aboutThem = app.sqlite
    .prepare(`SELECT id, before, after FROM audit_log WHERE (entity = 'person' AND entity_id = ?) OR (entity = 'membership' AND entity_id IN (SELECT value FROM json_each(?)))`)
    .all(String(personId), JSON.stringify(memberships.map(String))) as { id: number; before: string | null; after: string | null }[];
  const rewrite = app.sqlite.prepare('UPDATE audit_log SET before = ?, after = ? WHERE id = ?');
  for (const row of aboutThem) rewrite.run(redactJson(row.before, marker), redactJson(row.after, marker), row.id);

  // copies of the name, the citizen ID or the phone anywhere else (receipt and voucher text, journal descriptions,
  // other audit rows): replaced in place, so the rest of each text stays readable
  // (one pass over each column for all of them: the longest first, so a full name goes before the name inside it)
  let copiesReplaced = 0;
  const identifiers = copiedIdentifiers(person);
  for (const { table, column } of textColumns(app)) {
    const replaced = identifiers.reduce((sql) => `replace(${sql}, ?, ?)`, `"${column}"`);
    const found = identifiers.map(() => `instr("${column}", ?) > 0`).join(' OR ');
    // replace() nests inside out: the innermost (first applied) takes the first pair of parameters
    const params = [...identifiers.flatMap((text) => [text, marker]), ...identifiers];
    if (identifiers.length) copiesReplaced += app.sqlite.prepare(`UPDATE "${table}" SET "${column}" = ${replaced} WHERE ${found}`).run(...params).changes;
  }

  app.db.insert(anonymisedPeople).values({ personId, anonymisedAt: at, anonymisedBy: userId, auditRowsRedacted: aboutThem.length }).run();
  return { review, auditRowsRedacted: aboutThem.length, copiesReplaced };
}

export const peopleAnonymiseMethods = [
  defineRead({
    name: 'people.anonymise.settings',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) => ({ anonymiseAfterYears: anonymiseAfterYears(app) }),
  }),

  defineWrite({
    name: 'people.anonymise.settingsUpdate',
    input: z.object({ anonymiseAfterYears: z.number().int().min(1, 'อย่างน้อย 1 ปี / at least 1 year').max(50, 'ไม่เกิน 50 ปี / at most 50 years') }),
    access: [],
    handler: ({ app, input }) => {
      const before = anonymiseAfterYears(app);
      const updatedAt = app.now().toISOString();
      app.db
        .insert(privacySettings)
        .values({ id: 1, anonymiseAfterYears: input.anonymiseAfterYears, updatedAt })
        .onConflictDoUpdate({ target: privacySettings.id, set: { anonymiseAfterYears: input.anonymiseAfterYears, updatedAt } })
        .run();
      return { result: input, audit: { entity: 'privacySettings', entityId: 1, before: { anonymiseAfterYears: before }, after: input } };
    },
  }),

  // What the confirmation shows: the fields erased and the records kept, or the Thai reason it is refused.
  defineRead({
    name: 'people.anonymise.review',
    input: z.object({ personId: z.number().int().positive() }),
    access: [],
    handler: ({ app, input }) => anonymiseReview(app, input.personId),
  }),

  defineWrite({
    name: 'people.anonymise.run',
    input: z.object({ personId: z.number().int().positive() }),
    access: [],
    handler: ({ app, input, user }) => {
      // freed space is zeroed, so the old values do not stay in the file's free pages
      app.sqlite.pragma('secure_delete = ON');
      try {
        const done = anonymisePerson(app, input.personId, user?.id ?? null);
        return {
          result: { personId: input.personId, name: done.review.marker, auditRowsRedacted: done.auditRowsRedacted },
          // what was erased, by field name, never the values
          audit: {
            entity: 'person',
            entityId: input.personId,
            before: null,
            after: {
              anonymised: done.review.marker,
              erased: done.review.erases.fields.map((field) => fieldLabel('person', field).labelTh).join(', '),
              leftOn: done.review.leftOn,
              afterYears: done.review.years,
              auditRowsRedacted: done.auditRowsRedacted,
              copiesReplaced: done.copiesReplaced,
            },
          },
          // the write-ahead log held the old pages: copy the new ones back and empty it (best effort; a reader may hold it)
          afterCommit: () => void app.sqlite.pragma('wal_checkpoint(TRUNCATE)'),
        };
      } finally {
        app.sqlite.pragma('secure_delete = OFF');
      }
    },
  }),
] as const;
