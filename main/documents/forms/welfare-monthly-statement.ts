// รายงานรับ-จ่ายประจำเดือน of the welfare fund (issue 10): the month's money brought forward (cash and bank), what
// came in and went out by account, and the money carried forward, signed by the treasurer and the chair. The
// figures are main/welfare/statements.ts receiptsAndPayments() for the month, the same the screen shows.
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { formatThaiDateLong } from '../format';
import { defineForm } from './types';
import { receiptsAndPaymentsData, receiptsAndPaymentsTable, statementSigners, statementSignatures } from './welfare-statement-parts';

export const welfareMonthlyStatementInput = z
  .object({
    /** "เดือนพฤศจิกายน 2569" */
    periodLabel: z.string().trim().min(1).max(100),
    statement: receiptsAndPaymentsData,
    ...statementSigners,
  })
  .superRefine((data, context) => {
    if (data.statement.to < data.statement.from) context.addIssue({ code: 'custom', path: ['statement', 'to'], message: bilingual('ถึงวันที่ต้องไม่ก่อนตั้งแต่วันที่', 'The end date is before the start date') });
  });

export type WelfareMonthlyStatementData = z.output<typeof welfareMonthlyStatementInput>;

function sampleData(): z.input<typeof welfareMonthlyStatementInput> {
  return {
    periodLabel: 'เดือนพฤศจิกายน 2569',
    statement: {
      from: '2026-11-01',
      to: '2026-11-30',
      opening: { cash: 1_235_50, bank: 12_486_902_25, total: 12_488_137_75 },
      receipts: [
        { code: '4101', name: 'เงินสมทบจากสมาชิก', amount: 3_285_000_00 },
        { code: '4103', name: 'งบสมทบจากรัฐบาลผ่าน พอช.', amount: 1_254_300_00 },
        { code: '4104', name: 'องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล/อบจ.) สนับสนุนกิจกรรมวันผู้สูงอายุและโครงการดูแลผู้ป่วยติดเตียงในชุมชน', amount: 50_000_00 },
        { code: '4201', name: 'ค่าธรรมเนียมแรกเข้า', amount: 2_000_00 },
        { code: '4202', name: 'เงินบริจาค', amount: -500_00 },
      ],
      payments: [
        { code: '5101', name: 'จ่ายสวัสดิการให้สมาชิก', amount: 1_865_500_00 },
        { code: '5203', name: 'ค่าเอกสาร/เครื่องเขียน', amount: 487_50 },
        { code: '5204', name: 'ค่ากิจกรรม/ประชุม', amount: 12_000_00 },
      ],
      totalReceipts: 4_590_800_00,
      totalPayments: 1_877_987_50,
      closing: { cash: 235_50, bank: 15_200_715_25, total: 15_200_950_75 },
    },
    treasurer: 'นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์',
    chair: '',
  };
}

export const welfareMonthlyStatementForm = defineForm({
  id: 'welfare-monthly-statement',
  titleTh: 'รายงานรับ-จ่ายประจำเดือน',
  titleEn: 'Monthly receipts and payments',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfareMonthlyStatementInput,
  sample: sampleData,
  build: (data, { office, style }) => [
    { text: `รายงานรับ-จ่ายประจำ${data.periodLabel}`, style: 'title' },
    { text: office.fundName, style: 'subtitle' },
    { text: `ตั้งแต่วันที่ ${formatThaiDateLong(data.statement.from)} ถึงวันที่ ${formatThaiDateLong(data.statement.to)}`, alignment: 'center', margin: [0, 0, 0, 8] },
    receiptsAndPaymentsTable(data.statement, style, statementSignatures(data)),
  ],
  fileName: (data) => `รายงานรับ-จ่าย-${data.statement.from.slice(0, 7)}`,
});
