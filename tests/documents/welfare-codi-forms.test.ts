// CODI's two forms with long data: every text section at its 4,000-character limit, 30 plan rows, 40 committee
// members, 16 benefit types and amounts in the hundreds of millions — every word and every amount printed, amounts
// whole on one line, no line starting with a mark. Kept as PDFs with KEEP_DOCUMENTS=1 to be looked at as PNG.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../main/documents/engine';
import { formatSatang } from '../../main/documents/format';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { welfareBudgetApplicationForm, type WelfareBudgetApplicationData } from '../../main/documents/forms/welfare-budget-application';
import { welfareStatusFormForm, type WelfareStatusFormData } from '../../main/documents/forms/welfare-status-form';
import { expectEveryValue, expectNoForbiddenLineStart, expectOnOneLine } from './printed-values';

const office = { ...sampleOffice(), logo: SAMPLE_LOGO };
let outDir = '';
beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-codi-forms-'));
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

const PARAGRAPH = 'กองทุนจัดเวทีประชาคมร่วมกับสภาองค์กรชุมชนตำบลและโรงพยาบาลส่งเสริมสุขภาพตำบล เยี่ยมผู้ป่วยติดเตียง ผู้สูงอายุที่อยู่ลำพัง และเด็กกำพร้าในทุกหมู่บ้าน ';
const longText = (max: number) => `${PARAGRAPH.repeat(Math.ceil(max / PARAGRAPH.length))}`.slice(0, max).trim();
const NAMES = ['นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์', 'นางปุณณ์ญาดา ธนัชพฤกษ์', 'นายฐิติพงศ์ ฤทธิ์ณรงค์', 'นายณัฐวรรธน์ พฤกษ์ชยางกูร'];
const BIG = 987_654_321_09;

function longStatus(): WelfareStatusFormData {
  const base = welfareStatusFormForm.sample() as WelfareStatusFormData;
  const benefits = Array.from({ length: 16 }, (_, index) => ({ name: `สวัสดิการประเภทที่ ${index + 1} ${index % 3 === 0 ? 'ค่ารักษาพยาบาลและนอนโรงพยาบาลของสมาชิกสูงอายุ' : 'คลอดบุตร'}`, personsSinceFounding: 12_345 + index, amountSinceFounding: BIG - index, personsInYear: 1_234 + index, amountInYear: 12_345_678_90 + index }));
  return {
    ...base,
    money: { ...base.money, rows: base.money.rows.map((row, index) => ({ ...row, amountSatang: BIG - index })), totalSatang: 99_999_999_999, heldSatang: BIG },
    benefits,
    texts: {
      objectives: longText(4000),
      activities: longText(2000),
      management: longText(4000),
      links: longText(1000),
      support: longText(1000),
      plans: Array.from({ length: 30 }, (_, index) => ({ plan: `แผนงานที่ ${index + 1} ${longText(120)}`, method: longText(200), result: `ผลที่ ${index + 1}` })),
      problems: longText(4000),
      suggestions: longText(4000),
      committee: Array.from({ length: 40 }, (_, index) => ({ name: NAMES[index % NAMES.length]!, position: index === 0 ? 'ประธาน' : index === 1 ? 'เลขานุการ' : 'กรรมการ', communityRole: `ผู้แทนสมาชิกหมู่ที่ ${(index % 20) + 1}`, citizenId: '', phone: `08${index % 10}-234-56${String(index).padStart(2, '0')}` })),
    },
  };
}

function longApplication(): WelfareBudgetApplicationData {
  const base = welfareBudgetApplicationForm.sample() as WelfareBudgetApplicationData;
  return {
    ...base,
    rounds: Array.from({ length: 11 }, (_, index) => ({ round: index + 1, approvalDate: `20${11 + index}-03-15`, amountSatang: BIG - index, memberContributionsSatang: 55_000_000_00 + index })),
    round: 12,
    requestedSatang: BIG,
    benefits: Array.from({ length: 16 }, (_, index) => ({ name: `สวัสดิการประเภทที่ ${index + 1}`, persons: 9_999 + index, amountSatang: BIG - index })),
    highlights: longText(4000),
    sustainability: longText(4000),
    committee: Array.from({ length: 6 }, (_, index) => ({ name: NAMES[index % NAMES.length]!, position: index === 0 ? 'ประธาน' : index === 1 ? 'ผู้ประสานงาน' : 'กรรมการ', communityRole: '', citizenId: index === 0 ? '3-4099-00123-45-1' : '', phone: '081-234-5678' })),
  };
}

describe('แบบแสดงสถานะกองทุนสวัสดิการชุมชน with long data', () => {
  it('prints every section, every text and every amount whole', async () => {
    const data = welfareStatusFormForm.input.parse(longStatus());
    const { file, pages } = await print('welfare-status-form', data, 'status-long');
    expect(pages).toBeGreaterThan(10);
    await expectEveryValue(file, [data.texts.objectives, data.texts.activities, data.texts.problems, ...data.texts.plans.map((plan) => plan.plan), ...data.texts.committee.map((member) => member.communityRole), ...data.benefits.map((row) => row.name)], { thaiDigits: false });
    await expectOnOneLine(file, [formatSatang(BIG), formatSatang(99_999_999_999), formatSatang(12_345_678_90)], { thaiDigits: false });
    for (let section = 1; section <= 15; section++) await expectEveryValue(file, [`${section}. `], { thaiDigits: false, label: `section ${section}` });
    await expectNoForbiddenLineStart(file);
  });
});

describe('แบบเสนอเพื่อรับการสนับสนุน with long data', () => {
  it('prints eleven earlier rounds, sixteen benefit types, the texts and the amount in the hundreds of millions', async () => {
    const data = welfareBudgetApplicationForm.input.parse(longApplication());
    const { file, pages } = await print('welfare-budget-application', data, 'application-long');
    expect(pages).toBeGreaterThan(4);
    await expectEveryValue(file, [data.highlights, data.sustainability, 'รอบที่ 12 (ครั้งนี้)', 'ผู้บริหาร อปท.', ...data.criteria.map((criterion) => criterion.detail)], { thaiDigits: false });
    await expectOnOneLine(file, [formatSatang(BIG), formatSatang(BIG - 10), formatSatang(55_000_000_10)], { thaiDigits: false });
    await expectNoForbiddenLineStart(file);
  });
});
