// The welfare fund's two reports on paper, with long data: a month of 600 cash-book entries and a year of 1,500
// (laid out a part at a time) keep the header row on every page, every entry, the running balance and the
// totals; the arrears list prints each village's members with the mark of those at the arrears limit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../main/documents/engine';
import { formatSatang } from '../../main/documents/format';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { runningBalances, welfareCashBookForm, type WelfareCashBookData } from '../../main/documents/forms/welfare-cash-book';
import { welfareArrearsForm } from '../../main/documents/forms/welfare-arrears';
import { comparable, pdfText } from './pdf-tools';
import { expectEveryValue, expectOnOneLine } from './printed-values';

const office = { ...sampleOffice(), logo: SAMPLE_LOGO };
let outDir = '';

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-welfare-reports-forms-'));
});
afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

async function print(formId: string, data: unknown, name: string) {
  const result = await renderForm(formId, data, { office, today: '2026-12-01' });
  const file = path.join(outDir, `${name}.pdf`);
  fs.writeFileSync(file, result.pdf);
  return { file, pages: result.pages };
}

const NAMES = ['นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์', 'นางปุณณ์ญาดา ธนัชพฤกษ์', 'นายฐิติพงศ์ ฤทธิ์ณรงค์', 'เด็กหญิงณัฐณิชา พฤกษ์ชยางกูร'];

/** `count` entries from 1 November 2569: receipts into cash, every 20th banked, one long expense, a grant in the millions. */
function longBook(count: number, toDate: string): WelfareCashBookData {
  const rows: WelfareCashBookData['rows'] = [];
  const days = (Date.parse(`${toDate}T00:00:00Z`) - Date.parse('2026-11-01T00:00:00Z')) / 86_400_000 + 1;
  let cash = 0;
  for (let index = 0; index < count; index++) {
    const date = new Date(Date.parse('2026-11-01T00:00:00Z') + Math.floor((index * days) / count) * 86_400_000).toISOString().slice(0, 10);
    if (index === 250) {
      rows.push({ date, document: 'ใบสำคัญจ่าย 77', description: `ค่าเอกสาร/เครื่องเขียน: ${'กระดาษ A4 ปากกา แฟ้มเอกสาร สมุดบัญชี ตรายาง หมึกพิมพ์ '.repeat(6)}`.slice(0, 300).trim(), amounts: [-48_750, 0] });
    } else if (index === 400) {
      rows.push({ date, document: '', description: 'รับเงินงบสมทบจากรัฐบาลผ่าน พอช. โอนเข้าบัญชีกองทุน', amounts: [0, 1_254_300_00] });
    } else if (index % 20 === 19) {
      rows.push({ date, document: '', description: 'นำเงินสดฝากธนาคาร', amounts: [-cash, cash] });
      cash = 0;
    } else {
      const amount = 3_000 * ((index % 12) + 1);
      cash += amount;
      rows.push({ date, document: `ใบเสร็จ ${Math.floor(index / 100) + 12}/${1000 + index}`, description: `รับเงินจาก ${NAMES[index % NAMES.length]!}`, amounts: [amount, 0] });
    }
  }
  return welfareCashBookForm.input.parse({
    fromDate: '2026-11-01',
    toDate,
    accounts: [{ name: 'เงินสดในมือ' }, { name: 'เงินฝากธนาคาร', bankAccount: 'ธ.ก.ส. สาขาแม่ริม 020-1-23456-7' }],
    broughtForward: [1_235_50, 2_486_902_25],
    rows: rows.filter((row) => row.amounts.some((amount) => amount !== 0)),
    treasurer: 'นางบุญเรือน แก้วมณี',
  });
}

describe('สมุดเงินสด (welfare-cash-book)', () => {
  it('prints a month of 600 entries over many pages: the header row on each, every entry, balances in the millions whole, ยอดยกไป at the end', async () => {
    const data = longBook(600, '2026-11-30');
    const { file, pages } = await print('welfare-cash-book', data, 'cash-book-600');
    expect(pages).toBeGreaterThan(10);
    for (let page = 1; page <= pages; page++) {
      const text = comparable(await pdfText(file, page));
      for (const heading of ['วันเดือนปี', 'เลขที่เอกสาร', 'รายการ', 'เงินสดในมือ', 'ธ.ก.ส.สาขาแม่ริม020-1-23456-7', 'รับจ่ายคงเหลือรับจ่ายคงเหลือ']) expect(text, `page ${page}: ${heading}`).toContain(comparable(heading));
    }
    await expectEveryValue(file, data.rows.flatMap((row) => [row.document, row.description]), { thaiDigits: false });
    const balances = runningBalances(data.broughtForward, data.rows);
    const closing = balances.at(-1)!;
    // the bank balance passes 1,000,000 and every balance after it is printed whole on one line
    expect(closing[1]).toBeGreaterThan(100_000_000);
    await expectOnOneLine(file, [...new Set(balances.slice(395, 420).map((balance) => formatSatang(balance[1]!)))], { thaiDigits: false });
    const last = comparable(await pdfText(file, pages));
    expect(last).toContain(comparable(`ยอดยกไป ${formatSatang(closing[0]!)} ${formatSatang(closing[1]!)}`));
    expect(last).toContain(comparable('ผู้ตรวจสอบ'));
    expect(comparable(await pdfText(file, 1))).toContain(comparable(`ยอดยกมา ${formatSatang(1_235_50)} ${formatSatang(2_486_902_25)}`));
  });

  it('prints a year of 1,500 entries a part at a time without losing a row, page numbers running on', async () => {
    const data = longBook(1_500, '2027-10-31');
    const { file, pages } = await print('welfare-cash-book', data, 'cash-book-1500');
    expect(comparable(await pdfText(file, 1))).toContain(comparable('สมุดเงินสด'));
    expect(comparable(await pdfText(file, pages))).toContain(comparable(`หน้า ${pages}/${pages}`));
    await expectEveryValue(file, data.rows.map((row) => row.document), { thaiDigits: false });
    const closing = runningBalances(data.broughtForward, data.rows).at(-1)!;
    expect(comparable(await pdfText(file, pages))).toContain(comparable(`ยอดยกไป ${formatSatang(closing[0]!)} ${formatSatang(closing[1]!)}`));
  }, 120_000);

  it('refuses an end date before the start, naming the field', () => {
    const sample = welfareCashBookForm.sample();
    const error = welfareCashBookForm.input.safeParse({ ...sample, toDate: '2026-10-31' }).error!;
    expect(error.issues[0]).toMatchObject({ path: ['toDate'], message: expect.stringContaining('ถึงวันที่ต้องไม่ก่อนตั้งแต่วันที่') });
  });
});

describe('รายชื่อสมาชิกค้างส่งเงินสมทบ (welfare-arrears)', () => {
  it('prints each village under its heading with its total, the members at the limit and one period short of it marked, and the grand total', async () => {
    const data = welfareArrearsForm.input.parse(welfareArrearsForm.sample());
    const { file } = await print('welfare-arrears', data, 'arrears-sample');
    const text = comparable(await pdfText(file));
    for (const village of data.villages) {
      const total = village.rows.reduce((sum, row) => sum + row.owedSatang, 0);
      expect(text).toContain(comparable(`รวมหมู่ที่ ${village.number} ${village.name} ${village.rows.length} ราย เป็นเงิน ${formatSatang(total)} บาท`));
    }
    const rows = data.villages.flatMap((village) => village.rows);
    expect(text).toContain(comparable(`ขาดส่งครบเกณฑ์พ้นสภาพ ${rows.filter((row) => row.atLimit).length} ราย`));
    // one period short of the limit: marked on its row and counted under the total
    expect(rows.some((row) => row.nearLimit)).toBe(true);
    expect(text).toContain(comparable(`ขาดส่งอีก 1 งวดจะครบเกณฑ์พ้นสภาพ ${rows.filter((row) => row.nearLimit).length} ราย`));
    expect(text.split(comparable('ใกล้ครบเกณฑ์')).length - 1).toBe(rows.filter((row) => row.nearLimit).length);
    // each row at the limit, and the two lines under the total
    expect(text.split(comparable('ครบเกณฑ์พ้นสภาพ')).length - 1).toBe(rows.filter((row) => row.atLimit).length + 2);
    await expectEveryValue(file, rows.flatMap((row) => [row.name, row.periods]), { thaiDigits: false });
  });

  it('says so when no one owes', async () => {
    const { file } = await print('welfare-arrears', { asOf: '2026-11-30', arrearsLimit: 3, villages: [{ number: 4, name: 'บ้านโนนสะอาด', rows: [] }] }, 'arrears-none');
    const text = comparable(await pdfText(file));
    expect(text).toContain(comparable('ไม่มีสมาชิกค้างส่ง'));
    expect(text).toContain(comparable('รวมทั้งสิ้น 0 ราย เป็นเงิน 0.00 บาท'));
  });
});
