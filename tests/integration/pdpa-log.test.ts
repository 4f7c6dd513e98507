// PDPA (DOMAIN.md §4.7, issue 11): every print and export of personal data leaves one audit row naming who took
// what, when, and how many people it names. Each way the app prints or exports people is tried once here.
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { historyPage } from '../../main/history/audit-query';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { comparable } from '../documents/pdf-tools';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

/** 30 November 2569: three members of หมู่ 1, their contributions received, one claim paid. */
async function fundDesk() {
  const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const treasurer: ClientSession = { user: null };
  await app.router.call(treasurer, 'office.auth.login', { username: 'treasurer', password: 'tambon1234' });
  const { call } = routerCalls(app, treasurer);
  const preset = await call<{ benefitTypes: { code: string; payment: { kind: string }; evidence: { code: string }[] }[]; contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  // no lapse: members since 2015 pay what they owe on the collection day
  preset.contributions.arrears.limit = null;
  await call('welfare.regulation.create', preset);
  const adults = data.people.filter((person) => person.village === 1 && person.birthDate < '1990-01-01').slice(0, 3);
  const members: number[] = [];
  for (const [index, person] of adults.entries()) {
    members.push((await call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber: String(index + 1).padStart(4, '0'), category: 'general', applicationDate: '2015-06-01', startDate: '2015-06-01' })).id);
  }
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 100 });
  const saved = await call<{ receipts: { id: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: members.map((membershipId) => ({ membershipId, amountSatang: 36_000 })) });
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
  const claim = await call<{ id: number }>('welfare.claims.create', { membershipId: members[0], benefitCode: perNight.code, eventDate: '2026-11-20', units: 2, evidence: perNight.evidence.map((item) => item.code) });
  await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 11/2569', approvalDate: '2026-11-25' });
  const payout = await call<{ id: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' });
  const userId = treasurer.user!.id;
  /** the rows the calls in `work` appended to the log */
  const logged = async (work: () => Promise<unknown>) => {
    const last = (app.database.sqlite.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
    await work();
    return (app.database.sqlite.prepare('SELECT user_id AS userId, at, method, entity, after FROM audit_log WHERE id > ? ORDER BY id').all(last) as { userId: number; at: string; method: string; entity: string; after: string }[]).map((row) => ({ ...row, after: JSON.parse(row.after) as Record<string, unknown> }));
  };
  return { app, call, data, adults, members, receipts: saved.receipts.map((receipt) => receipt.id), payoutId: payout.id, userId, treasurer, logged };
}

describe('PDPA: prints and exports of personal data are logged', () => {
  it('each print and export leaves one row with who, when, what and how many people', async () => {
    const { app, call, members, receipts, payoutId, userId, logged, data } = await fundDesk();
    const at = '2026-11-30T03:00:00.000Z';
    const cases: [string, () => Promise<unknown>, { entity: string; after: Record<string, unknown> }][] = [
      ['receipts', () => call('welfare.receipts.print', { receiptIds: receipts }), { entity: 'print', after: { form: 'welfare-receipt', people: 3, printed: receipts } }],
      ['application', () => call('welfare.members.applicationPrint', { membershipId: members[1] }), { entity: 'print', after: { form: 'welfare-application', people: 1, membershipId: members[1] } }],
      ['passbook', () => call('welfare.members.passbookPrint', { membershipId: members[0], asOf: '2026-11-30' }), { entity: 'print', after: { form: 'welfare-passbook', people: 1, fullCitizenId: false } }],
      ['passbook, full ID', () => call('welfare.members.passbookPrint', { membershipId: members[0], asOf: '2026-11-30', fullCitizenId: true }), { entity: 'print', after: { form: 'welfare-passbook', people: 1, fullCitizenId: true } }],
      ['voucher', () => call('welfare.payouts.print', { payoutId }), { entity: 'print', after: { form: 'welfare-voucher', people: 1, payoutId } }],
      ['arrears', () => call('welfare.reports.arrearsPrint', { villageId: null, asOf: '2026-11-30' }), { entity: 'print', after: { form: 'welfare-arrears', people: expect.any(Number) } }],
      // three payers received from, one member paid a benefit (also a payer): three people named
      ['cash book', () => call('welfare.reports.cashBookPrint', { fromDate: '2026-11-01', toDate: '2026-11-30' }), { entity: 'print', after: { form: 'welfare-cash-book', people: 3 } }],
      ['people register', () => call('people.persons.export', { villageId: 1 }), { entity: 'export', after: { list: 'people', people: data.people.filter((person) => person.village === 1).length } }],
      [
        'name list',
        () => call('documents.forms.render', { formId: 'name-list', data: { title: 'รายชื่อผู้เข้าประชุม', people: [{ title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุข' }, { title: 'เด็กหญิง', firstName: 'ปุณณ์ญาดา', lastName: 'บุญมา' }] } }),
        { entity: 'print', after: { form: 'name-list', people: 2, documents: 1 } },
      ],
    ];
    for (const [name, work, expected] of cases) {
      const rows = await logged(work);
      expect(rows, name).toHaveLength(1);
      expect(rows[0], name).toMatchObject({ userId, at, ...expected });
    }
    // the history screen names each print's form by its title, not its code
    const prints = historyPage(app.database.sqlite, { userId: null, fromDate: null, toDate: null, area: null, entity: 'print', entityId: null, text: '' }, null, 100);
    const forms = prints.rows.map((row) => row.changes.find((change) => change.field === 'form')?.after);
    expect(forms).toContain('ใบเสร็จรับเงินกองทุนสวัสดิการชุมชน');
    expect(forms.filter((form) => form === undefined || /^[a-z-]+$/.test(form))).toEqual([]);
  });

  it('counts the people a print names: arrears members, and none for a sample', async () => {
    const { call, logged } = await fundDesk();
    const arrears = await call<{ memberCount: number }>('welfare.reports.arrears', { villageId: null, asOf: '2026-11-30' });
    const rows = await logged(() => call('welfare.reports.arrearsPrint', { villageId: null, asOf: '2026-11-30' }));
    expect(rows[0]!.after.people).toBe(arrears.memberCount);
    // a sample names nobody real: nothing to log
    expect(await logged(() => call('documents.forms.render', { formId: 'name-list', useSample: true }))).toEqual([]);
  });

  it('prints an access request: everything held about one person, logged as a print of one person', async () => {
    const { app, call, adults, logged, treasurer } = await fundDesk();
    const admin: ClientSession = { user: null };
    await app.router.call(admin, 'office.auth.login', { username: 'admin', password: 'tambon1234' });
    const person = adults[0]!;
    let printed: { pdfBase64: string; pages: number; fileName: string } | null = null;
    const rows = await logged(async () => (printed = await call('history.accessRequestPrint', { personId: person.id }, admin)));
    expect(rows).toEqual([expect.objectContaining({ userId: admin.user!.id, entity: 'print', after: { form: 'personal-data-record', people: 1, personId: person.id } })]);
    const text = await printedText(printed!.pdfBase64, 'access-request');
    for (const expected of [
      'บันทึกข้อมูลส่วนบุคคลที่สำนักงานเก็บไว้',
      `${person.title}${person.firstName} ${person.lastName}`,
      'สมาชิกกองทุนสวัสดิการชุมชน',
      '0001',
      'เป็นสมาชิกอยู่',
      '1/1', // the receipt: book 1, number 1
      '360.00',
      'จ่ายแล้ว',
      'ใบสำคัญจ่ายเลขที่',
      'welfare.members.join',
    ]) {
      expect(text, expected).toContain(comparable(expected));
    }
    // only administrators answer an access request
    expect((await app.router.call(treasurer, 'history.accessRequestPrint', { personId: person.id })).ok).toBe(false);
    expect((await call<never>('history.accessRequestPrint', { personId: 999_999 }, admin).catch((error: { data: { messageTh: string } }) => error.data)) as unknown).toMatchObject({ messageTh: 'ไม่พบบุคคลนี้ในทะเบียน' });
  });
});
