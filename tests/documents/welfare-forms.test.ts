// The welfare fund's printed forms (ใบสมัคร, ใบเสร็จรับเงิน, ใบสำคัญจ่ายเงิน, สมุดประจำตัวสมาชิก), printed from
// their samples and from hard cases through the real engine: what a treasurer checks on paper is there and whole
// — amounts as 1,234.50, the amount in words exactly as bahttext writes it, B.E. dates, names and IDs on one line.
// Their golden page images are checked with every other form's in forms.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBatch, renderForm } from '../../main/documents/engine';
import { bahtTextFromSatang, bahtTextInBrackets, formatSatang, formatThaiDateLong, formatThaiDateShort, toThaiDigits } from '../../main/documents/format';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { welfareApplicationForm } from '../../main/documents/forms/welfare-application';
import { welfarePassbookForm } from '../../main/documents/forms/welfare-passbook';
import { welfareReceiptForm } from '../../main/documents/forms/welfare-receipt';
import { welfareVoucherForm } from '../../main/documents/forms/welfare-voucher';
import { formatCitizenId, maskCitizenId } from '../../main/people/citizen-id';
import { comparable, pdfPageCount, pdfText } from './pdf-tools';
import { expectEveryValue, expectOnOneLine } from './printed-values';

const TODAY = '2026-11-27';
const office = { ...sampleOffice(), logo: SAMPLE_LOGO };
const options = { office, today: TODAY };
let outDir = '';

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-welfare-forms-'));
});

afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

/** Renders one document to a file in the test folder; returns the file and its page count. */
async function print(formId: string, data: unknown, name: string, thaiDigits = false): Promise<{ file: string; pages: number }> {
  const result = await renderForm(formId, data, { ...options, thaiDigits });
  const file = path.join(outDir, `${name}.pdf`);
  fs.writeFileSync(file, result.pdf);
  return { file, pages: result.pages };
}

/** Each value printed on one text line (a name, a date, an amount in words: never broken over two lines). */
async function expectOnOneTextLine(file: string, values: readonly string[], thaiDigits = false): Promise<void> {
  const lines = (await pdfText(file)).split('\n').map(comparable);
  for (const value of values) {
    const printed = comparable(thaiDigits ? toThaiDigits(value) : value);
    expect(
      lines.some((line) => line.includes(printed)),
      `"${value}" is not on one line`,
    ).toBe(true);
  }
}

function countOf(text: string, word: string): number {
  return text.split(comparable(word)).length - 1;
}

const receiptSample = () => welfareReceiptForm.input.parse(welfareReceiptForm.sample());
const voucherSample = () => welfareVoucherForm.input.parse(welfareVoucherForm.sample());

describe('ใบเสร็จรับเงิน (welfare-receipt)', () => {
  it('prints two receipts of the sample on one page, with what the treasurer checks', async () => {
    const { file, pages } = await print('welfare-receipt', welfareReceiptForm.sample(), 'receipt-sample');
    expect(pages).toBe(1);
    const [first, second] = receiptSample().receipts;
    const text = comparable(await pdfText(file));
    expect(countOf(text, 'ใบเสร็จรับเงิน')).toBe(2);
    await expectEveryValue(file, ['เล่มที่ 12', 'เลขที่', '0457', '0458', office.fundName, 'ลำดับที่', 'รายการ', 'จำนวนเงิน', 'รวมเงิน', 'ผู้รับเงิน'], { thaiDigits: false });
    // amounts, the total and the amount in words exactly as bahttext writes it
    await expectOnOneLine(file, ['20.00', '90.00', '110.00', '365.00'], { thaiDigits: false });
    await expectOnOneTextLine(file, [
      `ตัวอักษร ${bahtTextInBrackets(11_000)}`,
      '(หนึ่งร้อยสิบบาทถ้วน)',
      bahtTextInBrackets(36_500),
      `วันที่ ${formatThaiDateLong(first!.date)}`,
      '25 มกราคม 2569',
      'เด็กหญิงกัญญ์ณัฏฐ์ ศรีสุวรรณ์',
      'นายบุญมี ศรีสุวรรณ์',
      '(นางบุญเรือน แก้วมณี)',
      'เงินสมทบ ม.ค.–มี.ค. 69',
      'ค่าสมัครแรกเข้า',
    ]);
    // the reprint says so; the original does not
    expect(second!.copy).toBe(true);
    expect(countOf(text, 'สำเนา')).toBe(1);
    expect(text).not.toContain(comparable('ยกเลิก'));
  });

  it('prints a voided receipt with ยกเลิก and the reason, and keeps its items', async () => {
    const [receipt] = receiptSample().receipts;
    const voided = { twoPerPage: false, receipts: [{ ...receipt, voided: { reason: 'ออกใบเสร็จผิดคน ออกใบใหม่เลขที่ 0459 แทน', date: '2026-01-26' } }] };
    const { file, pages } = await print('welfare-receipt', voided, 'receipt-void');
    expect(pages).toBe(1);
    const text = comparable(await pdfText(file));
    expect(countOf(text, 'ยกเลิก')).toBeGreaterThanOrEqual(2); // the mark and the reason line
    await expectOnOneTextLine(file, ['ยกเลิก เมื่อวันที่ 26 มกราคม 2569']);
    await expectEveryValue(file, ['เหตุที่ยกเลิก: ออกใบเสร็จผิดคน ออกใบใหม่เลขที่ 0459 แทน', '110.00'], { thaiDigits: false });
  });

  it('prints a million-baht receipt with the amount and its words whole', async () => {
    const [receipt] = receiptSample().receipts;
    const amount = 125_000_050; // 1,250,000.50
    const big = { twoPerPage: true, receipts: [{ ...receipt, items: [{ description: 'เงินสมทบจากองค์การบริหารส่วนตำบลหนองบัวทอง ประจำปีงบประมาณ 2569', amountSatang: amount }] }] };
    const { file } = await print('welfare-receipt', big, 'receipt-million');
    await expectOnOneLine(file, ['1,250,000.50'], { thaiDigits: false });
    expect(bahtTextFromSatang(amount)).toBe('หนึ่งล้านสองแสนห้าหมื่นบาทห้าสิบสตางค์');
    await expectOnOneTextLine(file, [bahtTextInBrackets(amount)]);
  });

  it('prints a collection day of forty receipts two to a page, one document', async () => {
    const batch = welfareReceiptForm.sampleBatch!();
    const receipts = batch.flatMap((day) => day.receipts);
    expect(receipts.length).toBeGreaterThanOrEqual(40);
    const result = await renderBatch('welfare-receipt', batch, options);
    const file = path.join(outDir, 'receipt-batch.pdf');
    fs.writeFileSync(file, result.pdf);
    const pages = await pdfPageCount(file);
    // each collection day starts on a new page and fills its pages two at a time
    expect(pages).toBe(batch.reduce((sum, day) => sum + Math.ceil(day.receipts.length / 2), 0));
    for (let page = 1; page <= pages; page++) {
      const text = comparable(await pdfText(file, page));
      expect(countOf(text, 'ใบเสร็จรับเงิน'), `page ${page}`).toBe(2);
    }
    const parsed = batch.map((day) => welfareReceiptForm.input.parse(day));
    await expectEveryValue(file, parsed.flatMap((day) => day.receipts.map((receipt) => receipt.number)), { thaiDigits: false });
  });

  it('prints one receipt to a page when not two to a page', async () => {
    const receipts = receiptSample().receipts;
    const { pages } = await print('welfare-receipt', { twoPerPage: false, receipts: [...receipts, ...receipts] }, 'receipt-one-per-page');
    expect(pages).toBe(4);
  });

  it('prints Thai digits everywhere when the office chooses them', async () => {
    const { file } = await print('welfare-receipt', welfareReceiptForm.sample(), 'receipt-thai', true);
    const text = await pdfText(file);
    expect(text).not.toMatch(/[0-9]/);
    await expectOnOneLine(file, ['110.00', '20.00'], { thaiDigits: true });
    await expectOnOneTextLine(file, ['25 มกราคม 2569', 'เล่มที่ 12', 'เงินสมทบ ม.ค.–มี.ค. 69', bahtTextInBrackets(11_000)], true);
  });

  it('refuses fractional satang and an empty receipt, naming the field in Thai', () => {
    const [receipt] = receiptSample().receipts;
    const fractional = welfareReceiptForm.input.safeParse({ receipts: [{ ...receipt, items: [{ description: 'เงินสมทบ', amountSatang: 30.5 }] }] });
    expect(fractional.success).toBe(false);
    expect(fractional.error!.issues[0]).toMatchObject({ path: ['receipts', 0, 'items', 0, 'amountSatang'], message: expect.stringContaining('ต้องเป็นจำนวนเต็มสตางค์') });
    const empty = welfareReceiptForm.input.safeParse({ receipts: [{ ...receipt, items: [] }] });
    expect(empty.error!.issues[0]).toMatchObject({ path: ['receipts', 0, 'items'], message: expect.stringContaining('อย่างน้อย 1 รายการ') });
  });
});

describe('ใบสำคัญจ่ายเงิน (welfare-voucher)', () => {
  it('prints the recipient, the items, the total in figures and words, and three signatures', async () => {
    const data = voucherSample();
    const { file, pages } = await print('welfare-voucher', welfareVoucherForm.sample(), 'voucher-sample');
    expect(pages).toBe(1);
    const total = data.items.reduce((sum, item) => sum + item.amountSatang, 0);
    expect(formatSatang(total)).toBe('16,100.00');
    await expectOnOneLine(file, ['600.00', '15,000.00', '500.00', '16,100.00'], { thaiDigits: false });
    await expectOnOneTextLine(file, [
      'นางกิ่งแก้ว ศรีสุวรรณ์',
      `วันที่ ${formatThaiDateLong(data.date)}`,
      `ตัวอักษร ${bahtTextInBrackets(total)}`,
      '(หนึ่งหมื่นหกพันหนึ่งร้อยบาทถ้วน)',
      '(นางบุญเรือน แก้วมณี)',
      '(นายสมศักดิ์ ใจดีมาก)',
    ]);
    await expectEveryValue(file, ['ใบสำคัญจ่ายเงิน', 'ได้รับเงินจาก', office.fundName, 'รวมทั้งสิ้น', 'ผู้รับเงิน', 'ผู้จ่ายเงิน', 'พยาน', 'ค่านอนโรงพยาบาล 200 บาท × 3 คืน'], { thaiDigits: false });
  });

  it('holds ten items at most and keeps a million-baht total whole', async () => {
    const data = voucherSample();
    const items = Array.from({ length: 10 }, (_, index) => ({ description: `ค่านอนโรงพยาบาล 200 บาท × 3 คืน ครั้งที่ ${index + 1}`, amountSatang: index === 9 ? 99_940_000 : 60_000 }));
    const { file, pages } = await print('welfare-voucher', { ...data, items }, 'voucher-ten');
    expect(pages).toBe(1);
    await expectOnOneLine(file, ['999,400.00', '1,004,800.00'], { thaiDigits: false });
    await expectOnOneTextLine(file, [bahtTextInBrackets(100_480_000)]);
    expect(welfareVoucherForm.input.safeParse({ ...data, items: [...items, items[0]] }).error!.issues[0]).toMatchObject({ path: ['items'], message: expect.stringContaining('ไม่เกิน 10 รายการ') });
  });
  it('marks a voided voucher ยกเลิก with the day and the reason, and leaves an unknown address to be written in', async () => {
    const data = voucherSample();
    const { file, pages } = await print('welfare-voucher', { ...data, address: '', voided: { reason: 'จ่ายผิดคน ต้องจ่ายให้บุตรสาว', date: '2026-02-12' } }, 'voucher-voided');
    expect(pages).toBe(1);
    const text = comparable(await pdfText(file));
    // the stamp by the title, then "ยกเลิก เมื่อวันที่ … เหตุที่ยกเลิก: …"
    expect(countOf(text, 'ยกเลิก')).toBe(3);
    await expectOnOneTextLine(file, ['เหตุที่ยกเลิก: จ่ายผิดคน ต้องจ่ายให้บุตรสาว', `เมื่อวันที่ ${formatThaiDateLong('2026-02-12')}`]);
    expect(text).toContain(comparable('ที่อยู่ ....'));
    expect(text).not.toContain(comparable(data.address));
  });
});

describe('สมุดประจำตัวสมาชิก (welfare-passbook)', () => {
  it('prints ten years of monthly lines over several pages, the header row on every page, the totals at the end', async () => {
    const data = welfarePassbookForm.input.parse(welfarePassbookForm.sample());
    expect(data.lines.length).toBeGreaterThan(120);
    const { file, pages } = await print('welfare-passbook', welfarePassbookForm.sample(), 'passbook-sample');
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) {
      const text = comparable(await pdfText(file, page));
      for (const heading of ['ครั้งที่', 'วันเดือนปี', 'งวด', 'จำนวนเงิน', 'เหรัญญิก', 'หมายเหตุ']) expect(text, `page ${page}: ${heading}`).toContain(comparable(heading));
    }
    const paid = data.lines.reduce((sum, line) => sum + line.amountSatang, 0);
    const last = comparable(await pdfText(file, pages));
    expect(last).toContain(comparable(`รวมเงินที่ส่งแล้ว ${formatSatang(paid)} บาท ${bahtTextInBrackets(paid)}`));
    expect(last).toContain(comparable('ขาด 4 ครั้ง'));
    // every line's date (B.E.), period and amount
    const printed = data.lines.flatMap((line) => [line.label, ...(line.date ? [formatThaiDateShort(line.date)] : [])]);
    await expectEveryValue(file, printed, { thaiDigits: false });
    await expectOnOneTextLine(file, ['นายสมศักดิ์ ศรีสุวรรณ์', `เป็นสมาชิกตั้งแต่ ${formatThaiDateLong(data.member.since)}`, '25 พ.ย. 59']);
  });

  it('masks the citizen ID unless the passbook asks for it in full', async () => {
    const sample = welfarePassbookForm.sample();
    const id = welfarePassbookForm.input.parse(sample).member.citizenId;
    const masked = await print('welfare-passbook', sample, 'passbook-masked');
    const maskedText = comparable(await pdfText(masked.file, 1));
    expect(maskedText).toContain(comparable(maskCitizenId(id)));
    expect(maskedText).not.toContain(id.slice(0, 9));
    const full = await print('welfare-passbook', { ...sample, fullCitizenId: true }, 'passbook-full-id');
    await expectOnOneLine(full.file, [formatCitizenId(id)], { thaiDigits: false });
  });

  it('prints Thai digits in the rows and the totals', async () => {
    const { file } = await print('welfare-passbook', welfarePassbookForm.sample(), 'passbook-thai', true);
    const text = await pdfText(file);
    expect(text).not.toMatch(/[0-9]/);
    await expectOnOneLine(file, ['30.00', '3,500.00'], { thaiDigits: true });
  });
});

describe('ใบสมัครสมาชิก (welfare-application)', () => {
  it('prints the applicant in full, the beneficiaries, the consent and both committees', async () => {
    const data = welfareApplicationForm.input.parse(welfareApplicationForm.sample());
    const { file, pages } = await print('welfare-application', welfareApplicationForm.sample(), 'application-sample');
    expect(pages).toBeLessThanOrEqual(2);
    // the application needs the whole ID: one word on one line
    await expectOnOneLine(file, [formatCitizenId(data.applicant.citizenId)], { thaiDigits: false });
    await expectOnOneTextLine(file, [
      'นางสาวน้ำฝน ศรีสุวรรณ์',
      'นางกิ่งแก้ว ศรีสุวรรณ์',
      'เด็กหญิงกัญญ์ณัฏฐ์ ศรีสุวรรณ์',
      'วันที่ 25 เดือน มกราคม พ.ศ. 2569',
      `เกิดวันที่ ${formatThaiDateLong(data.applicant.birthDate!)}`,
      'อายุ 24 ปี',
      'เลขทะเบียนสมาชิก 0321',
    ]);
    await expectEveryValue(
      file,
      ['เขียนที่', `เรียน ประธานคณะกรรมการ${office.fundName}`, 'บ้านเลขที่', `ตำบล${office.tambon}`, `อำเภอ${office.amphoe}`, `จังหวัด${office.province}`, 'มาตรา 26', 'ยินยอม', 'ไม่ยินยอม', 'ผู้สมัคร', 'คำรับรองของคณะกรรมการประจำชุมชน', 'มติคณะกรรมการบริหารกองทุน', 'ครั้งที่ 2/2569', 'รับเป็นสมาชิก', 'ไม่รับเป็นสมาชิก', 'มารดา', '60', 'น้องสาว', '40'],
      { thaiDigits: false },
    );
  });

  it('prints a blank resolution to be filled in, and refuses shares that do not add up to 100', async () => {
    const sample = welfareApplicationForm.sample();
    const { file } = await print('welfare-application', { ...sample, healthDataConsent: null, resolution: undefined, memberNumber: '' }, 'application-blank');
    expect(comparable(await pdfText(file))).toContain(comparable('ครั้งที่ ............'));
    const wrong = welfareApplicationForm.input.safeParse({ ...sample, beneficiaries: sample.beneficiaries!.map((entry) => ({ ...entry, sharePercent: 30 })) });
    expect(wrong.error!.issues[0]).toMatchObject({ path: ['beneficiaries'], message: expect.stringContaining('ร้อยละ 100') });
    const id = sample.applicant.citizenId!;
    const wrongCheckDigit = `${id.slice(0, 12)}${(Number(id[12]) + 1) % 10}`;
    const badId = welfareApplicationForm.input.safeParse({ ...sample, applicant: { ...sample.applicant, citizenId: wrongCheckDigit } });
    expect(badId.error!.issues[0]).toMatchObject({ path: ['applicant', 'citizenId'], message: expect.stringContaining('เลขประจำตัวประชาชน') });
  });

  it('leaves dotted lines for what the register does not know yet, and prints shares to two decimals', async () => {
    const sample = welfareApplicationForm.sample();
    const unknown = { title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์' };
    const thirds = [33.33, 33.33, 33.34].map((sharePercent, index) => ({ title: '', firstName: ['ปุณณ์ญาดา', 'กัญญ์ณัฏฐ์', 'ณัฐธยาน์'][index]!, lastName: 'ฤทธิ์ณรงค์', relationship: 'บุตร', sharePercent }));
    const { file } = await print('welfare-application', { ...sample, applicant: unknown, beneficiaries: thirds }, 'application-unknown');
    const text = comparable(await pdfText(file));
    expect(text).toContain(comparable('เลขประจำตัวประชาชน ....'));
    expect(text).toContain(comparable('บ้านเลขที่ ..........'));
    expect(text).toContain(comparable('หมู่ที่ ......'));
    await expectEveryValue(file, ['33.33', '33.34'], { thaiDigits: false });
    const overPrecise = welfareApplicationForm.input.safeParse({ ...sample, beneficiaries: [{ ...thirds[0]!, sharePercent: 100.001 }] });
    expect(overPrecise.success).toBe(false);
  });
});
