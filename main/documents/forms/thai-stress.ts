// A test page, not an office form: the hardest Thai the engine must print — stacked marks, long unspaced text,
// long table cells, Thai mixed with English and digits. Its golden image guards every font and break rule.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { checkBox, columnWidths, dataTable, signatureRow, title } from '../blocks';
import { measureTable, planTable, type TableColumn } from '../table-plan';
import type { PageStyle } from '../style';
import { bahtTextInBrackets, formatBaht, formatSatang, formatThaiDateLong, formatThaiDateShort } from '../format';
import { defineForm } from './types';

/** Words with stacked and rare marks (ที่ ผู้ น้ำ …): each must print without collisions or boxes. */
export const STRESS_WORDS = ['ที่', 'ผู้', 'น้ำ', 'กิ่ง', 'ปั้น', 'ญี่ปุ่น', 'กตัญญู', 'ฐาน', 'ฎีกา', 'ฤๅษี', 'ปิ๊ป', 'ก๊ก'];

/** Vocabulary for the long paragraph; cycled deterministically (no randomness: the golden image must hold). */
const VOCABULARY = [
  'สภาองค์กรชุมชน', 'ตำบล', 'ได้', 'ประชุม', 'หารือ', 'เรื่อง', 'การ', 'จัดทำ', 'แผนพัฒนา', 'หมู่บ้าน',
  'ร่วมกับ', 'องค์การบริหารส่วนตำบล', 'เพื่อ', 'ให้', 'ชาวบ้าน', 'มี', 'ส่วนร่วม', 'ใน', 'การตัดสินใจ', 'และ',
  'ติดตาม', 'ผล', 'โครงการ', 'ที่', 'เกี่ยวข้อง', 'กับ', 'กองทุนสวัสดิการชุมชน', 'ซึ่ง', 'ช่วยเหลือ', 'สมาชิก',
  'ผู้สูงอายุ', 'ผู้พิการ', 'เด็ก', 'แรกเกิด', 'ผู้ป่วย', 'ที่', 'นอน', 'โรงพยาบาล', 'อย่าง', 'ทั่วถึง',
  'กตัญญู', 'ญี่ปุ่น', 'น้ำท่วม', 'ปั้นหม้อ', 'กิ่งไม้', 'ฎีกา', 'ฐานข้อมูล', 'ฤๅษี', 'ความ', 'โปร่งใส',
];

/** n Thai words run together without a single space, as Thai is written. */
export function unspacedThai(wordCount: number): string {
  let text = '';
  for (let index = 0; index < wordCount; index++) text += VOCABULARY[(index * 7 + Math.floor(index / 50)) % VOCABULARY.length]!;
  return text;
}

const PLAN_YEARS = [2566, 2567, 2568, 2569, 2570];

/**
 * A landscape table shaped like the DLA แบบ ผ.02: three header rows with merged cells (งบประมาณ over five
 * years, "(บาท)" under each), long enough to run over several pages so the header must repeat on each.
 */
function planDetailTable(): Content[] {
  const span = (text: string): TableCell => ({ text, rowSpan: 3 });
  const header: TableCell[][] = [
    [span('ที่'), span('โครงการ'), span('วัตถุประสงค์'), span('เป้าหมาย (ผลผลิตของโครงการ)'), { text: 'งบประมาณ', colSpan: 5 }, {}, {}, {}, {}, span('ตัวชี้วัด (KPI)'), span('ผลที่คาดว่าจะได้รับ'), span('หน่วยงานรับผิดชอบหลัก')],
    [{}, {}, {}, {}, ...PLAN_YEARS.map((year): TableCell => String(year)), {}, {}, {}],
    [{}, {}, {}, {}, ...PLAN_YEARS.map((): TableCell => '(บาท)'), {}, {}, {}],
  ];
  const body = Array.from({ length: 24 }, (_, index): TableCell[] => [
    { text: String(index + 1), alignment: 'center' },
    `โครงการ${VOCABULARY[(index * 3) % VOCABULARY.length]}${VOCABULARY[(index * 5 + 1) % VOCABULARY.length]}หมู่ที่ ${(index % 12) + 1}`,
    `เพื่อให้${VOCABULARY[(index * 7 + 2) % VOCABULARY.length]}${VOCABULARY[(index + 9) % VOCABULARY.length]}`,
    `ครัวเรือน ${20 + index} ครัวเรือน`,
    ...PLAN_YEARS.map((_year, column): TableCell => ({ text: formatBaht(((index + 1) * 1_250_000 + column * 500_000) * 10), alignment: 'right' })),
    'ร้อยละ 80 ของครัวเรือนเป้าหมาย',
    `ชาวบ้าน${VOCABULARY[(index * 11 + 4) % VOCABULARY.length]}`,
    index % 2 ? 'สภาองค์กรชุมชนตำบล' : 'อบต.',
  ]);
  return [
    { text: 'ตารางหัวสามแถวแบบ ผ.02 (หน้าแนวนอน)', style: 'subtitle', pageBreak: 'before', pageOrientation: 'landscape' },
    dataTable({
      // 12 pt, as the DLA's own landscape plans print. 'auto' columns are never narrower than their widest
      // unbreakable piece (a Thai word between break marks, an amount), so no word or number is cut.
      widths: header[0]!.map(() => 'auto' as const),
      header,
      body,
      fontSize: 12,
    }),
  ];
}

/**
 * The strings of issue 7 in a portrait table sized by its content (blocks.ts planTable): citizen IDs, phones and
 * amounts that must never be cut over two lines, rare-letter names, ต่าง ๆ and ฯลฯ, and a note with no space at
 * all, longer than any column can hold, which is cut between syllables instead of vanishing or overrunning.
 */
export const NARROW_TABLE_ROWS = [
  ['1', 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์', '1-1017-00203-45-1', '081-234-5678', '20,046.79', 'ต่าง ๆ ฯลฯ (ร้อยละ 80)'],
  ['2', 'นางปุณณ์ญาดา บุญญฤทธิ์', '3-4099-59918-81-6', '02-123-4567', '125,000.00', 'SmartFarmerQRCodeLINE'.repeat(12)],
  ['3', 'นายฐิติวัฒน์ พิชญ์สินี', '5-1002-00001-23-4', '089-999-0000', '999.50', unspacedThai(40)],
];

function narrowTable(style: PageStyle, thaiDigits: boolean): Content[] {
  const columns: TableColumn[] = [
    { heading: 'ที่', align: 'center', grow: 0 },
    { heading: 'ชื่อ-สกุล' },
    { heading: 'เลขประจำตัวประชาชน', align: 'center', grow: 0 },
    { heading: 'โทรศัพท์', align: 'center', grow: 0 },
    { heading: 'จำนวนเงิน (บาท)', align: 'right', grow: 0 },
    { heading: 'หมายเหตุ' },
  ];
  // Portrait if the columns fit it at 12 pt or more (with Arabic digits they do; Thai digits are wider: landscape).
  const plan = planTable(measureTable(columns, NARROW_TABLE_ROWS), { style: { ...style, orientation: 'portrait' }, turn: 'last', thaiDigits });
  return [
    { text: 'ตารางจัดความกว้างตามเนื้อหา', style: 'subtitle', pageBreak: 'before', pageOrientation: plan.orientation },
    dataTable({
      widths: plan.widths,
      fontSize: plan.fontSize,
      header: [columns.map((column) => column.heading)],
      body: plan.body.map((row) => row.map((text, index): TableCell => ({ text, alignment: columns[index]!.align ?? 'left' }))),
      tallRows: plan.tallRows,
    }),
  ];
}

export const thaiStressForm = defineForm({
  id: 'thai-stress',
  titleTh: 'หน้าทดสอบภาษาไทย',
  titleEn: 'Thai stress test page',
  pageSize: 'A4',
  orientation: 'portrait',
  test: true,
  input: z.object({}),
  sample: () => ({}),
  build: (_data, { style, thaiDigits }) => {
    const words = STRESS_WORDS.join(' ');
    const longCells = [
      ['1', 'โครงการส่งเสริมอาชีพการทำปุ๋ยอินทรีย์ชีวภาพจากเศษวัสดุเหลือใช้ทางการเกษตรของกลุ่มแม่บ้าน', 'เพื่อลดต้นทุนการผลิตและเพิ่มรายได้ให้ครัวเรือนเกษตรกรในตำบล', formatSatang(12_345_050)],
      ['2', 'โครงการปรับปรุงระบบประปาหมู่บ้านและขุดลอกคูคลองป้องกันน้ำท่วมซ้ำซาก', 'ประชาชนมีน้ำสะอาดใช้อุปโภคบริโภคตลอดปี', formatSatang(98_765_400)],
      ['3', 'Smart Farmer 4.0: อบรมการใช้ Application LINE และ QR Code ขายสินค้าชุมชนออนไลน์', 'ผู้เข้าร่วม 120 คน (ร้อยละ 80 ขายได้จริง)', formatSatang(4_500_000)],
    ];
    const content: Content[] = [
      title('หน้าทดสอบการพิมพ์ภาษาไทย', 'Thai stress test — ไม่ใช่แบบฟอร์มของสำนักงาน'),
      { text: words, fontSize: 20, margin: [0, 0, 0, 2] },
      { text: words, margin: [0, 0, 0, 2] },
      { text: words, bold: true, margin: [0, 0, 0, 2] },
      { text: words, italics: true, margin: [0, 0, 0, 8] },
      dataTable({
        widths: columnWidths(style, [0.5, 3.2, 2.6, 1.4]),
        header: [['ที่', 'โครงการ', 'เป้าหมาย (ผลผลิตของโครงการ)', 'งบประมาณ (บาท)']],
        body: longCells.map(([order, project, target, amount]) => [
          { text: order!, alignment: 'center' },
          project!,
          target!,
          { text: amount!, alignment: 'right' },
        ]),
      }),
      {
        text: [
          'ผสมภาษา: Tambon Desk version 0.1 พิมพ์เมื่อ ',
          formatThaiDateLong('2026-11-27', { era: true }),
          ` (${formatThaiDateShort('2026-11-27')}) เบอร์โทร 053-123456 อีเมล office@example.org ยอดเงิน `,
          { text: `${formatSatang(123_450)} บาท`, bold: true },
          ` ${bahtTextInBrackets(123_450)} เลขที่ใบเสร็จ 2569/000123 ร้อยละ 12.5`,
        ],
        margin: [0, 8, 0, 6],
      },
      {
        columns: [checkBox('เห็นชอบ', true), checkBox('ไม่เห็นชอบ', false), checkBox('งดออกเสียง', false)],
        margin: [0, 0, 0, 4],
      },
      signatureRow([{ role: 'ผู้รับเงิน' }, { name: 'นางสาวกตัญญู ญี่ปุ่นน้ำใจ', position: 'เหรัญญิก' }, { role: 'ผู้ตรวจสอบ' }], 12),
      { text: unspacedThai(300), alignment: 'left', margin: [0, 0, 0, 8] },
      ...planDetailTable(),
      ...narrowTable(style, thaiDigits),
    ];
    return content;
  },
});
