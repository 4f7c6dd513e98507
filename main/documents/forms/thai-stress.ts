// A test page, not an office form: the hardest Thai the engine must print — stacked marks, long unspaced text,
// long table cells, Thai mixed with English and digits. Its golden image guards every font and break rule.
import type { Content } from 'pdfmake/interfaces';
import { z } from 'zod';
import { checkBox, columnWidths, dataTable, signatureRow, title } from '../blocks';
import { bahtTextInBrackets, formatSatang, formatThaiDateLong, formatThaiDateShort } from '../format';
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

export const thaiStressForm = defineForm({
  id: 'thai-stress',
  titleTh: 'หน้าทดสอบภาษาไทย',
  titleEn: 'Thai stress test page',
  pageSize: 'A4',
  orientation: 'portrait',
  test: true,
  input: z.object({}),
  sample: () => ({}),
  build: (_data, { style }) => {
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
    ];
    return content;
  },
});
