// Issue 11's loose ends: a viewer may not print a receipt (a print counts, and the office's next print would say
// สำเนา although the payer never got the original), and the wait after wrong passwords survives a restart.
process.env.TZ = 'Asia/Bangkok';

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { comparable } from '../documents/pdf-tools';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { firstAdmin, setUpOffice, tempApp, tempDir } from '../helpers/temp';

describe('printing receipts', () => {
  it('is refused to the viewer, in Thai, without counting the print; the treasurer’s reprint says สำเนา', async () => {
    const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
    const data = generateSampleTambon({ size: 'small' });
    await loadSampleTambon(app, data);
    const login = async (username: string) => {
      const session: ClientSession = { user: null };
      await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
      return session;
    };
    const [treasurer, viewer] = [await login('treasurer'), await login('viewer')];
    const { call, refusal } = routerCalls(app, treasurer);
    const preset = await call<{ contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
    preset.contributions.arrears.limit = null;
    await call('welfare.regulation.create', preset);
    const person = data.people.find((row) => row.village === 1 && row.birthDate < '1990-01-01')!;
    const membershipId = (await call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber: '0007', category: 'general', applicationDate: '2015-06-01', startDate: '2015-06-01' })).id;
    const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '3', firstNumber: 1, lastNumber: 50 });
    const saved = await call<{ receipts: { id: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId, amountSatang: 36_000 }] });
    const receiptIds = saved.receipts.map((receipt) => receipt.id);
    const printCount = () => (app.database.sqlite.prepare('SELECT print_count AS n FROM welfare_receipts WHERE id = ?').get(receiptIds[0]) as { n: number }).n;
    const prints = () => (app.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'welfare.receipts.print'").get() as { n: number }).n;

    expect(await refusal('welfare.receipts.print', { receiptIds }, viewer)).toMatchObject({ code: 'ROLE_NOT_ALLOWED', messageTh: 'ผู้ใช้ที่มีบทบาท "ผู้ดูข้อมูล (ดูอย่างเดียว)" ทำรายการนี้ไม่ได้ กรุณาให้ผู้ดูแลระบบทำแทน' });
    expect(printCount()).toBe(0);
    expect(prints()).toBe(0);
    // the viewer still reads the receipt
    expect((await call<{ totalSatang: number }[]>('welfare.receipts.list', { membershipId }, viewer)).map((receipt) => receipt.totalSatang)).toEqual([36_000]);

    const first = await printedText((await call<{ pdfBase64: string }>('welfare.receipts.print', { receiptIds })).pdfBase64, 'receipt-original');
    expect(first).not.toContain(comparable('สำเนา'));
    const again = await printedText((await call<{ pdfBase64: string }>('welfare.receipts.print', { receiptIds })).pdfBase64, 'receipt-copy');
    expect(again).toContain(comparable('สำเนา'));
    expect(printCount()).toBe(2);
    expect(prints()).toBe(2);
  });
});

describe('the wait after wrong passwords', () => {
  it('is still there after the program is closed and started again, and a right password afterwards clears it', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const file = path.join(tempDir(), 'tambon-desk.sqlite');
    const first = tempApp(file, { now: () => now });
    await setUpOffice(first);
    const anonymous = { user: null, client: '127.0.0.1' };
    for (let i = 0; i < 5; i++) await first.router.call({ ...anonymous }, 'office.auth.login', { username: firstAdmin.username, password: `ผิด${i}` });
    first.close();

    // 10 s later, a new start of the program on the same file: the 30 s wait after the 5th wrong try has 20 s to run
    now = new Date(now.getTime() + 10_000);
    const second = tempApp(file, { now: () => now });
    const { refusal, call } = routerCalls(second, { ...anonymous });
    const waiting = await refusal('office.auth.login', { username: firstAdmin.username, password: firstAdmin.password });
    expect(waiting).toMatchObject({ code: 'TOO_MANY_TRIES', messageTh: `ชื่อผู้ใช้ "${firstAdmin.username}" ใส่รหัสผ่านผิดหลายครั้งติดกัน กรุณารอ 20 วินาที แล้วลองใหม่` });
    now = new Date(now.getTime() + 20_000);
    expect(await call('office.auth.login', { username: firstAdmin.username, password: firstAdmin.password })).toMatchObject({ username: firstAdmin.username });
    expect(second.database.sqlite.prepare('SELECT scope, key FROM login_failures').all()).toEqual([]);
    second.close();

    // and a fresh start after the right password begins with the five free tries again
    const third = tempApp(file, { now: () => now });
    const again = routerCalls(third, { ...anonymous });
    for (let i = 0; i < 5; i++) expect((await again.refusal('office.auth.login', { username: firstAdmin.username, password: `ผิด${i}` })).code).toBe('BAD_CREDENTIALS');
    expect((await again.refusal('office.auth.login', { username: firstAdmin.username, password: firstAdmin.password })).code).toBe('TOO_MANY_TRIES');
  });
});
