import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { welfareMemberships } from '../../db/schema';
import type { App } from '../../main/app';
import type { AppContext, ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { allocationsOf, contributionRulesKey, membershipForRules } from '../../main/welfare/books';
import { lapseDate, owed, paidSummaryOf, type ContributionSettings } from '../../main/welfare/contributions';
import { regulationOn } from '../../main/welfare/methods';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

interface SheetRow {
  membershipId: number;
  name: string;
  owedSatang: number;
  missedCount: number;
  paidThrough: string | null;
  lines: { kind: string; label: string; owedSatang: number }[];
}
interface Sheet {
  rows: SheetRow[];
  lapsed: { membershipId: number; name: string; lapsedOn: string }[];
}

/** A fund in หมู่ 1 whose clock the test moves, one collection day at a time (Thai time, 9 in the morning). */
async function fund(arrearsLimit: number | null) {
  let today = '2026-08-01';
  const app = tempApp(undefined, { now: () => new Date(`${today}T09:00:00+07:00`) });
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const login = async (username: string) => {
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
    return session;
  };
  const treasurer = await login('treasurer');
  const { call, refusal } = routerCalls(app, treasurer);
  // A copy: the in-process router hands back the preset object itself, and it must not be changed for other tests.
  const preset = structuredClone(await call<{ contributions: ContributionSettings }>('welfare.regulation.preset', { effectiveFrom: '2020-01-01' }));
  preset.contributions.arrears.limit = arrearsLimit;
  await call('welfare.regulation.create', preset);
  const people = data.people.filter((person) => person.village === 1 && person.birthDate < '2000-01-01' && person.id % 97 !== 0 && person.id % 131 !== 0);
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '7', firstNumber: 1, lastNumber: 200 });
  const context: AppContext = { db: app.database.db, sqlite: app.database.sqlite, now: () => new Date(`${today}T09:00:00+07:00`) };
  return {
    app,
    call,
    refusal,
    people,
    book,
    context,
    setToday: (day: string) => {
      today = day;
    },
    join: (personId: number, memberNumber: string, startDate: string, extra: Record<string, unknown> = {}) =>
      call<{ id: number }>('welfare.members.join', { personId, memberNumber, category: 'general', applicationDate: startDate, startDate, ...extra }).then((row) => row.id),
    pay: (receiptDate: string, payments: [number, number][]) =>
      call<{ receipts: { id: number }[] }>('welfare.collection.save', { receiptDate, bookId: book.id, payments: payments.map(([membershipId, amountSatang]) => ({ membershipId, amountSatang })) }),
  };
}

/** Every stored summary against the lines summed again: the summary, the lapse day and what is owed on `asOf`. */
function expectSummariesMatchLines(app: App, context: AppContext, asOf: string) {
  const settings = regulationOn(context, asOf, 'asOf').contributions;
  // Only summaries made under these rules stand for the lines; the others are summed again when next used.
  const stored = app.database.sqlite.prepare('SELECT p.membership_id AS id, p.summary, p.lapse_on AS lapseOn, p.last_paid_on AS lastPaidOn FROM welfare_paid p WHERE p.rules_key = ? ORDER BY p.membership_id').all(contributionRulesKey(settings)) as {
    id: number;
    summary: string;
    lapseOn: string | null;
    lastPaidOn: string | null;
  }[];
  const lines = allocationsOf(context, stored.map((row) => row.id));
  for (const row of stored) {
    const membership = app.database.sqlite.prepare('SELECT start_date AS startDate, end_date AS endDate, end_reason AS endReason, entrance_fee_waived AS waived FROM welfare_memberships WHERE id = ?').get(row.id) as {
      startDate: string;
      endDate: string | null;
      endReason: 'lapsed' | null;
      waived: number;
    };
    const rules = { start: membership.startDate, end: membership.endDate, endReason: membership.endReason, entranceFeeWaived: membership.waived === 1 };
    const paid = lines.get(row.id)!;
    const summary = JSON.parse(row.summary) as ReturnType<typeof paidSummaryOf>;
    expect(summary, `membership ${row.id}`).toEqual(paidSummaryOf(settings, rules, paid));
    if (membership.endDate === null) expect(row.lapseOn, `lapse day of membership ${row.id}`).toBe(lapseDate(settings, rules, paid)?.date ?? null);
    expect(owed(settings, rules, summary, asOf), `owed by membership ${row.id}`).toEqual(owed(settings, rules, paid, asOf));
    expect(lapseDate(settings, rules, summary)).toEqual(lapseDate(settings, rules, paid));
  }
  return stored.length;
}

describe('what is paid, summed per membership', () => {
  it('stays equal to the receipt lines summed again through saves, back payments, advance payments, voids and a rejoin', async () => {
    const { app, call, context, people, join, pay, setToday } = await fund(6);
    const [a, b, c, d] = people;
    const kanyanat = await join(a!.id, '0101', '2026-08-01');
    const punyada = await join(b!.id, '0102', '2026-08-01');
    const waived = await join(c!.id, '0103', '2026-08-01', { entranceFeeWaived: true });
    const late = await join(d!.id, '0104', '2026-08-01');

    setToday('2026-08-15');
    // The fee and ส.ค.; the fee, ส.ค. and three months ahead; part of ส.ค. (no fee); part of the fee.
    await pay('2026-08-15', [[kanyanat, 5000], [punyada, 14000], [waived, 1000], [late, 1000]]);
    expect(expectSummariesMatchLines(app, context, '2026-08-15')).toBe(4);

    setToday('2026-09-30');
    // On the collection day (on time); the rest of ส.ค. a month late, and ก.ย.
    await pay('2026-09-30', [[kanyanat, 3000], [waived, 5000]]);
    expectSummariesMatchLines(app, context, '2026-09-30');

    setToday('2026-10-20');
    // A back payment: a receipt written on 20 September and entered today, before the last one of กัญญ์ณัฏฐ์.
    await pay('2026-09-20', [[kanyanat, 3000], [late, 10_000]]);
    expectSummariesMatchLines(app, context, '2026-10-20');
    // As far ahead as the fund allows (twelve months after ต.ค.; พ.ย. is paid already), to the satang.
    const advance = await pay('2026-10-20', [[punyada, 11 * 3000]]);
    expectSummariesMatchLines(app, context, '2026-10-20');

    // A void sums the member's lines again, in the same transaction.
    await call('welfare.receipts.void', { receiptId: advance.receipts[0]!.id, reason: 'รับเงินผิดคน ต้องคืนเงินให้ผู้จ่าย' });
    expectSummariesMatchLines(app, context, '2026-10-20');

    // Resigned and joined again: a new membership with its own fee and periods, summed apart.
    await call('welfare.members.end', { membershipId: waived, endDate: '2026-10-20', reason: 'resigned', note: '' });
    setToday('2026-11-30');
    const again = await join(c!.id, '0103', '2026-11-01');
    await pay('2026-11-30', [[again, 2000 + 2 * 3000], [kanyanat, 3000]]);
    expect(expectSummariesMatchLines(app, context, '2026-11-30')).toBe(5);

    // The sheet reads the summaries and says what the lines say.
    const sheet = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-30' });
    const settings = regulationOn(context, '2026-11-30', 'asOf').contributions;
    const lines = allocationsOf(context, sheet.rows.map((row) => row.membershipId));
    for (const row of sheet.rows) {
      const membership = context.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, row.membershipId)).get()!;
      expect(row.owedSatang, row.name).toBe(owed(settings, membershipForRules(membership), lines.get(row.membershipId)!, '2026-11-30').totalSatang);
    }
    // A new regulation (40 บาท a month from 1 ธ.ค.): the summaries were made under the old one, so the sheet reads
    // the lines until the next look for lapses sums them again under the new rules; both say the same.
    setToday('2026-12-01');
    const preset = structuredClone(await call<{ contributions: ContributionSettings }>('welfare.regulation.preset', { effectiveFrom: '2026-12-01' }));
    preset.contributions.scheme = { kind: 'monthly', amountSatang: 4000 };
    preset.contributions.arrears.limit = 6;
    await call('welfare.regulation.create', preset);
    const underNewRules = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-12-01' });
    const newSettings = regulationOn(context, '2026-12-01', 'asOf').contributions;
    const expected = (rows: SheetRow[]) =>
      rows.map((row) => owed(newSettings, membershipForRules(context.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, row.membershipId)).get()!), lines.get(row.membershipId)!, '2026-12-01').totalSatang);
    expect(underNewRules.rows.map((row) => row.owedSatang)).toEqual(expected(underNewRules.rows));
    expect(expectSummariesMatchLines(app, context, '2026-12-01')).toBe(0);
    await call('welfare.members.applyLapses', {});
    // The four open memberships are summed again under the new rules (the ended one when it is next used).
    expect(expectSummariesMatchLines(app, context, '2026-12-01')).toBe(4);
    const again2 = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-12-01' });
    expect(again2.rows.map((row) => row.owedSatang)).toEqual(expected(again2.rows));
    expect(again2.rows.find((row) => row.membershipId === kanyanat)!.owedSatang).toBeGreaterThan(0);

    // A sheet for a day before the last payments reads the lines: money paid later does not count.
    const earlier = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-09-25' });
    expect(earlier.rows.find((row) => row.membershipId === kanyanat)).toMatchObject({ owedSatang: 3000, paidThrough: '2026-08' });
  });
});

describe('a lapse recorded as a status', () => {
  it('on the day before the limit is passed the member is still active; on the day it is passed the membership ends as lapsed', async () => {
    // Joined 1 August 2026 and never paid: ส.ค., ก.ย. and ต.ค. missed (three in a row), lapsed from 1 November.
    const { app, call, refusal, people, join, pay, setToday } = await fund(3);
    const [a, b] = people;
    const silent = await join(a!.id, '0201', '2026-08-01');
    const payer = await join(b!.id, '0202', '2026-08-01');

    setToday('2026-10-31');
    // ปุณณ์ญาดา's turn: the fee and ส.ค. paid on ต.ค.'s collection day — two missed, not three.
    await pay('2026-10-31', [[payer, 5000]]);
    const dayBefore = await call<{ lapsed: unknown[] }>('welfare.members.applyLapses', {});
    expect(dayBefore.lapsed).toEqual([]);
    const sheetBefore = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-10-31' });
    expect(sheetBefore.rows.map((row) => row.membershipId)).toEqual([silent, payer]);
    expect(sheetBefore.lapsed).toEqual([]);

    setToday('2026-11-01');
    const onTheDay = await call<{ lapsed: { membershipId: number; lapsedOn: string; note: string }[] }>('welfare.members.applyLapses', {});
    expect(onTheDay.lapsed).toEqual([{ membershipId: silent, memberNumber: '0201', lapsedOn: '2026-11-01', note: expect.stringContaining('ขาดส่ง 3 ครั้งติดต่อกัน (ส.ค. 69, ก.ย. 69, ต.ค. 69)') }]);
    // Shown in the member's status history, and audited.
    const member = await call<{ membership: { endDate: string; endReason: string; endNote: string } }>('welfare.members.get', { membershipId: silent });
    expect(member.membership).toMatchObject({ endDate: '2026-11-01', endReason: 'lapsed' });
    const audit = app.database.sqlite.prepare("SELECT after FROM audit_log WHERE method = 'welfare.members.applyLapses' ORDER BY id").all() as { after: string }[];
    // a pass that records nothing leaves no history row (it runs each time the members tab opens)
    expect(audit.map((row) => (JSON.parse(row.after) as { lapsed: unknown[] }).lapsed.length)).toEqual([1]);
    // Run again: nothing more to record, and nothing in the history.
    expect((await call<{ lapsed: unknown[] }>('welfare.members.applyLapses', {})).lapsed).toEqual([]);
    expect(app.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'welfare.members.applyLapses'").get()).toEqual({ n: 1 });

    // The sheet lists the lapsed member apart; a payment is refused, naming the member.
    const sheet = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-01' });
    expect(sheet.rows.map((row) => row.membershipId)).toEqual([payer]);
    expect(sheet.lapsed).toEqual([{ membershipId: silent, personId: a!.id, memberNumber: '0201', name: expect.stringContaining(a!.firstName), lapsedOn: '2026-11-01' }]);
    const refused = await refusal('welfare.collection.save', { receiptDate: '2026-11-01', bookId: 1, payments: [{ membershipId: payer, amountSatang: 3000 }, { membershipId: silent, amountSatang: 11_000 }] });
    // A sheet for the day before still lists the member: they were one then.
    expect((await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-10-31' })).rows.map((row) => row.membershipId)).toEqual([silent, payer]);
    expect(refused.field).toBe('payments.1.membershipId');
    expect(refused.messageTh).toContain(a!.firstName);
    expect(refused.messageTh).toContain('พ้นสภาพสมาชิก');
    expect(refused.messageTh).toContain('ต้องสมัครเป็นสมาชิกใหม่');
    // Nothing of the refused save is kept: the other member's receipt was not written either.
    expect((app.database.sqlite.prepare('SELECT count(*) AS n FROM welfare_receipts').get() as { n: number }).n).toBe(1);

    // Joining again (from the day after) is a new membership, collected from on the sheet.
    setToday('2026-11-02');
    const rejoined = await join(a!.id, '0201', '2026-11-02');
    const after = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-02' });
    expect(after.rows.map((row) => row.membershipId)).toEqual([rejoined, payer]);
    expect(after.rows[0]!.lines.map((line) => line.label)).toEqual(['ค่าสมัครแรกเข้า', 'พ.ย. 69']);
    expect(after.lapsed).toEqual([]);
  });

  it('a collection save records the lapses itself before it takes any money, and audits them with the save', async () => {
    const { app, refusal, people, join, pay, setToday } = await fund(3);
    const person = people[0]!;
    const silent = await join(person.id, '0301', '2026-08-01');
    setToday('2026-11-01');
    const refused = await refusal('welfare.collection.save', { receiptDate: '2026-11-01', bookId: 1, payments: [{ membershipId: silent, amountSatang: 11_000 }] });
    expect(refused.messageTh).toMatch(new RegExp(`^${person.title}${person.firstName} ${person.lastName} \\(สมาชิกเลขที่ 0301\\) พ้นสภาพสมาชิกเพราะขาดส่งเงินสมทบ ตั้งแต่ 1 พฤศจิกายน 2569 รับเงินสมทบไม่ได้ ต้องสมัครเป็นสมาชิกใหม่$`));
    // Another member's payment the same day: the lapse is recorded by the save and named in its audit row.
    const other = await join(people[1]!.id, '0302', '2026-11-01');
    await pay('2026-11-01', [[other, 5000]]);
    expect((app.database.sqlite.prepare('SELECT end_reason AS reason FROM welfare_memberships WHERE id = ?').get(silent) as { reason: string }).reason).toBe('lapsed');
    const audit = app.database.sqlite.prepare("SELECT after FROM audit_log WHERE method = 'welfare.collection.save'").all() as { after: string }[];
    expect(audit.map((row) => (JSON.parse(row.after) as { lapsed?: { membershipId: number }[] }).lapsed?.map((lapse) => lapse.membershipId))).toEqual([[silent]]);
  });
});
