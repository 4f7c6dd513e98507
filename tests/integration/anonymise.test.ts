// Anonymising a person who left long ago (PDPA, issue 11): the name, citizen ID, birth date, address, phone and notes
// go everywhere the app copied them, the audit log included, and every money figure stays: the trial balance, the
// member's paid totals, each receipt and voucher. Refused, with the Thai reason, for someone still a member, with a
// claim not yet paid, named as an open member's beneficiary, or who left less than the set years ago.
process.env.TZ = 'Asia/Bangkok';

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { newPerson, tempApp } from '../helpers/temp';

const leaver = {
  ...newPerson,
  firstName: 'ภัทรานิษฐ์',
  lastName: 'ทองประเสริฐวงศ์',
  address: 'ซอยวัดป่าเลไลยก์ ถนนมิตรภาพ',
  notes: 'ติดต่อหลานสาวที่ร้านตัดผมหน้าวัด',
};
const erasedTexts = [leaver.firstName, leaver.lastName, '1101700203450', leaver.citizenId, leaver.phone, leaver.address, leaver.notes];

/** 30 November 2569: the leaver and a neighbour who names her as beneficiary have paid; her claim is approved. */
async function fundWithLeaver() {
  let clock = new Date('2026-11-30T10:00:00+07:00');
  const app = tempApp(undefined, { now: () => clock });
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const login = async (username: string) => {
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
    return session;
  };
  const admin = await login('admin');
  const treasurer = await login('treasurer');
  const viewer = await login('viewer');
  const { call, refusal } = routerCalls(app, treasurer);
  const preset = await call<{ benefitTypes: { code: string; payment: { kind: string }; evidence: { code: string }[] }[]; contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  preset.contributions.arrears.limit = null;
  await call('welfare.regulation.create', preset);
  const person = await call<{ id: number }>('people.persons.create', leaver);
  const neighbour = data.people.find((row) => row.village === 1 && row.birthDate < '1990-01-01')!;
  const membershipId = (await call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber: '0001', category: 'general', applicationDate: '2015-06-01', startDate: '2015-06-01' })).id;
  const neighbourMembership = (
    await call<{ id: number }>('welfare.members.join', {
      personId: neighbour.id,
      memberNumber: '0002',
      category: 'general',
      applicationDate: '2015-06-01',
      startDate: '2015-06-01',
      beneficiaries: [{ personId: person.id, name: `${leaver.title}${leaver.firstName} ${leaver.lastName}`, relationship: 'หลาน', sharePercent: 100 }],
    })
  ).id;
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 100 });
  await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [membershipId, neighbourMembership].map((id) => ({ membershipId: id, amountSatang: 36_000 })) });
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
  const claim = await call<{ id: number }>('welfare.claims.create', { membershipId, benefitCode: perNight.code, eventDate: '2026-11-20', units: 2, evidence: perNight.evidence.map((item) => item.code) });
  await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 11/2569', approvalDate: '2026-11-25' });
  return { app, call, refusal, admin, treasurer, viewer, personId: person.id, membershipId, neighbourMembership, claimId: claim.id, setClock: (at: string) => (clock = new Date(at)) };
}

/** Every text value of every table that contains one of `texts`, as "table.column: value". */
function textsFound(app: ReturnType<typeof tempApp>, texts: string[]): string[] {
  const sqlite = app.database.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const found: string[] = [];
  for (const { name } of tables) {
    const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((column) => column.name);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value === 'string' && texts.some((text) => value.includes(text))) found.push(`${name}.${column}: ${value.slice(0, 200)}`);
      }
    }
  }
  return found;
}

describe('anonymising a person who left long ago', () => {
  it('refuses, in Thai, while she is a member, has a claim unpaid, is an open member’s beneficiary, or left less than 10 years ago', async () => {
    const { call, refusal, admin, treasurer, viewer, personId, membershipId, neighbourMembership, claimId, setClock } = await fundWithLeaver();
    const asAdmin = (method: string, input: unknown) => refusal(method, input, admin);

    expect(await asAdmin('people.anonymise.run', { personId })).toMatchObject({ code: 'CONFLICT', messageTh: 'นางสาวภัทรานิษฐ์ ทองประเสริฐวงศ์ ยังเป็นสมาชิกกองทุนอยู่ (เลขที่สมาชิก 0001) จึงลบข้อมูลส่วนบุคคลไม่ได้' });
    await call('welfare.members.end', { membershipId, endDate: '2026-11-30', reason: 'resigned', note: 'ย้ายไปอยู่กับลูกสาวที่ชลบุรี' });
    expect((await asAdmin('people.anonymise.run', { personId })).messageTh).toBe('นางสาวภัทรานิษฐ์ ทองประเสริฐวงศ์ มีคำขอรับสวัสดิการที่อนุมัติแล้วแต่ยังไม่ได้จ่าย (เหตุวันที่ 20 พฤศจิกายน 2569) จึงลบข้อมูลส่วนบุคคลไม่ได้');
    await call('welfare.claims.pay', { claimId, payoutDate: '2026-11-30' });
    expect((await asAdmin('people.anonymise.review', { personId })).messageTh).toBe('นางสาวภัทรานิษฐ์ ทองประเสริฐวงศ์ เป็นผู้รับผลประโยชน์ของสมาชิกเลขที่ 0002 ซึ่งยังเป็นสมาชิกอยู่ กรุณาแก้ไขผู้รับผลประโยชน์ก่อน');
    await call('welfare.members.end', { membershipId: neighbourMembership, endDate: '2026-11-30', reason: 'died' });
    expect((await asAdmin('people.anonymise.run', { personId })).messageTh).toBe('นางสาวภัทรานิษฐ์ ทองประเสริฐวงศ์ ออกไปเมื่อ 30 พฤศจิกายน 2569 ยังไม่ครบ 10 ปี ลบข้อมูลส่วนบุคคลได้ตั้งแต่ 30 พฤศจิกายน 2579');

    // a person who never left, and a non-administrator
    const stays = await call<{ id: number }>('people.persons.create', { ...newPerson, firstName: 'ปุณณ์ญาดา', lastName: 'บุญมา', citizenId: null, noCitizenIdReason: 'no_card' });
    expect((await asAdmin('people.anonymise.run', { personId: stays.id })).messageTh).toBe('นางสาวปุณณ์ญาดา บุญมา ยังไม่ได้เสียชีวิตหรือย้ายออก และไม่เคยเป็นสมาชิกกองทุน จึงลบข้อมูลส่วนบุคคลไม่ได้');
    setClock('2037-01-05T09:00:00+07:00');
    for (const session of [treasurer, viewer]) expect((await refusal('people.anonymise.run', { personId }, session)).code).toBe('ROLE_NOT_ALLOWED');
    // the office may set a longer period [U]
    await call('people.anonymise.settingsUpdate', { anonymiseAfterYears: 12 }, admin);
    expect((await asAdmin('people.anonymise.run', { personId })).messageTh).toContain('ยังไม่ครบ 12 ปี ลบข้อมูลส่วนบุคคลได้ตั้งแต่ 30 พฤศจิกายน 2581');
    expect((await refusal('people.anonymise.settingsUpdate', { anonymiseAfterYears: 0 }, admin)).field).toBe('anonymiseAfterYears');
  });

  it('erases her from every table and the file, and keeps every figure', async () => {
    const { app, call, refusal, admin, personId, membershipId, neighbourMembership, claimId, setClock } = await fundWithLeaver();
    await call('welfare.members.end', { membershipId, endDate: '2026-11-30', reason: 'resigned', note: 'ย้ายไปอยู่กับลูกสาวที่ชลบุรี' });
    await call('welfare.claims.pay', { claimId, payoutDate: '2026-11-30' });
    await call('welfare.members.end', { membershipId: neighbourMembership, endDate: '2026-11-30', reason: 'died' });
    setClock('2037-01-05T09:00:00+07:00');

    const figures = async () => ({
      trialBalance: await call('welfare.books.trialBalance', { asOf: '2037-01-05' }),
      statement: await call('welfare.members.statement', { membershipId, asOf: '2026-11-30' }),
      receipts: (await call<{ number: number; totalSatang: number; membershipId: number | null }[]>('welfare.receipts.list', {})).map(({ number, totalSatang, membershipId: id }) => ({ number, totalSatang, id })),
      payouts: (await call<{ voucherNumber: number; totalSatang: number }[]>('welfare.payouts.list', {})).map(({ voucherNumber, totalSatang }) => ({ voucherNumber, totalSatang })),
    });
    const before = await figures();
    expect(before.receipts.length).toBe(2);
    expect(textsFound(app, erasedTexts).length).toBeGreaterThan(5);

    const review = await call<{ erases: { fields: string[] }; keeps: { memberNumbers: string[]; receipts: number; payouts: number } }>('people.anonymise.review', { personId }, admin);
    expect(review).toMatchObject({ marker: `ผู้ถูกลบข้อมูลส่วนบุคคล #${personId}`, leftOn: '2026-11-30', years: 10, keeps: { memberNumbers: ['0001'], receipts: 1, payouts: 1, claims: 1 } });
    expect(review.erases.fields).toEqual(['title', 'firstName', 'lastName', 'citizenId', 'birthDate', 'houseNumber', 'address', 'phone', 'notes', 'consentScope']);
    await call('people.anonymise.run', { personId }, admin);

    expect(await figures()).toEqual(before);
    expect(textsFound(app, erasedTexts)).toEqual([]);
    const page = await call<{ person: Record<string, unknown>; memberships: { memberNumber: string }[] }>('people.persons.get', { id: personId });
    expect(page.person).toMatchObject({ title: '', firstName: `ผู้ถูกลบข้อมูลส่วนบุคคล #${personId}`, lastName: '', citizenId: null, birthDate: null, address: '', phone: '', notes: '', houseNumber: '', village: { id: 3 }, sex: 'F' });
    expect(page.memberships.map((membership) => membership.memberNumber)).toEqual(['0001']);
    // the anonymise row says what was erased, not the values
    const last = app.database.sqlite.prepare("SELECT entity, entity_id AS entityId, before, after FROM audit_log WHERE method = 'people.anonymise.run'").get() as Record<string, string>;
    expect(JSON.parse(last.before!)).toBeNull();
    expect(JSON.parse(last.after!)).toMatchObject({ erased: 'คำนำหน้าชื่อ, ชื่อ, นามสกุล, เลขประจำตัวประชาชน, วันเกิด, บ้านเลขที่, ที่อยู่, โทรศัพท์, หมายเหตุ, ขอบเขตความยินยอม', leftOn: '2026-11-30', afterYears: 10 });
    expect(last.entityId).toBe(String(personId));
    // refused a second time, and the record is not typed back in
    expect((await app.router.call(admin, 'people.anonymise.run', { personId })).ok).toBe(false);
    expect((await refusal('people.persons.update', { ...leaver, id: personId })).messageTh).toBe('ข้อมูลส่วนบุคคลของบุคคลนี้ถูกลบแล้ว จึงแก้ไขไม่ได้ หากเป็นผู้มาใหม่ กรุณาเพิ่มเป็นบุคคลใหม่');

    // the printed access-request record: the marker, the member number and the money, no trace of her
    const printed = await call<{ pdfBase64: string }>('history.accessRequestPrint', { personId }, admin);
    const text = await printedText(printed.pdfBase64, 'anonymised-access-request');
    expect(text).toContain(`ผู้ถูกลบข้อมูลส่วนบุคคล#${personId}`);
    expect(text).toContain('0001');
    expect(text).toContain('360.00');
    for (const erased of [leaver.firstName, leaver.lastName, '1 1017 00203 45 0', leaver.phone, leaver.address]) expect(text).not.toContain(erased);

    // nor in the bytes of the file, free pages and write-ahead log included
    const file = app.database.file;
    app.close();
    const bytes = fs.readFileSync(file);
    for (const erased of erasedTexts) expect(bytes.indexOf(Buffer.from(erased)), erased).toBe(-1);
  });
});
