// หนังสือภายนอก: a letter on the office's letterhead, laid out as the correspondence regulation's template
// (DOMAIN.md §4.8): the emblem centred on top, ที่ on the left and the office on the right of its foot, the date
// from the middle of the text, then เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, the body justified with a first-line
// indent, the closing centred over the signature, the contact block at the foot of the last page, and page
// numbers "- ๒ -" on top from the second page.
import type { Content } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { formatThaiDateLong } from '../format';
import { letterEmblem, letterFoot, linesAtMost, spaceForEmblem } from '../letterhead';
import { cm, contentWidth } from '../style';
import { sampleOffice } from './samples';
import { defineForm } from './types';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)', 'The date must be YYYY-MM-DD'));

export const letterInput = z.object({
  /** ที่ — the office's reference number, e.g. "สอช. 123/2569" */
  reference: z.string().trim().min(1).max(100),
  date: isoDate,
  subject: z.string().trim().min(1).max(300),
  /** เรียน — to whom */
  to: z.string().trim().min(1).max(200),
  referTo: z.string().trim().max(300).optional(),
  enclosures: z.array(z.string().trim().min(1).max(200)).max(5).default([]),
  paragraphs: z.array(z.string().trim().min(1).max(3000)).min(1).max(8),
  closing: z.string().trim().min(1).max(100).default('ขอแสดงความนับถือ'),
  signer: z.object({ name: z.string().trim().min(1).max(100), position: z.string().trim().min(1).max(200) }),
  /** the unit and phone printed at the bottom left */
  contact: z.array(z.string().trim().max(200)).max(4).default([]),
});

export type LetterData = z.output<typeof letterInput>;

/** Thai official letters indent each paragraph's first line by about 2.5 cm. */
const PARAGRAPH_INDENT_CM = 2.5;

function labelled(label: string, value: string | string[]): Content {
  const lines = Array.isArray(value) ? value : [value];
  return {
    columns: [
      // As typed letters do: the value follows its label, and its wrapped lines keep the value's left edge.
      { text: label, width: 'auto', noWrap: true },
      { stack: lines.map((line, index): Content => (lines.length > 1 ? `${index + 1}. ${line}` : line)), width: '*' },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 3],
  };
}

export const letterForm = defineForm({
  id: 'letter',
  titleTh: 'หนังสือ',
  titleEn: 'Letter',
  pageSize: 'A4',
  orientation: 'portrait',
  pageNumbering: 'letter-from-page-2',
  input: letterInput,
  sample: () => {
    const office = sampleOffice();
    return {
      reference: 'สอช. 015/2569',
      date: '2026-11-27',
      subject: 'ขอเชิญประชุมสภาองค์กรชุมชนตำบล ครั้งที่ 1/2570',
      to: `นายกองค์การบริหารส่วนตำบล${office.tambon}`,
      referTo: 'หนังสือองค์การบริหารส่วนตำบลที่ ชม 78901/2569 ลงวันที่ 3 พฤศจิกายน 2569',
      enclosures: ['ระเบียบวาระการประชุมและแบบตอบรับ'],
      paragraphs: [
        `ตามที่${office.councilName}กำหนดประชุมสามัญประจำปีเพื่อพิจารณาแผนพัฒนาตำบล นั้น`,
        `ในการนี้ จึงขอเรียนเชิญท่านเข้าร่วมประชุมในวันพฤหัสบดีที่ 10 ธันวาคม 2569 เวลา 09.30 น. ณ ศาลาอเนกประสงค์หมู่ที่ 1 และขอความอนุเคราะห์งบประมาณค่าอาหารว่าง จำนวน 3,600.00 บาท (สามพันหกร้อยบาทถ้วน)`,
        'จึงเรียนมาเพื่อโปรดทราบและพิจารณา',
      ],
      closing: 'ขอแสดงความนับถือ',
      signer: { name: 'นายสมศักดิ์ ใจดีมาก', position: `ประธาน${office.councilName}` },
      contact: [`สำนักงาน${office.councilName}`, `โทร. ${office.phone || '053-123456'}`],
    };
  },
  build: (data, { office, style }) => {
    const centre = contentWidth(style) / 2;
    const emblem = office.logo ? letterEmblem(office.logo, style) : null;
    // Under the emblem: ที่ on the left, the office's name and address from a little left of the middle (a
    // council's name is long: it should not wrap).
    const officeColumn = centre - cm(1.5);
    const head: Content = {
      columns: [
        { text: `ที่ ${data.reference}`, width: officeColumn - cm(0.3) },
        { stack: [office.councilName, office.address], width: '*' },
      ],
      columnGap: cm(0.3),
      margin: [0, spaceForEmblem(style, emblem !== null), 0, 6],
    };
    const body: Content[] = data.paragraphs.map((paragraph, index) => ({
      text: paragraph,
      leadingIndent: cm(PARAGRAPH_INDENT_CM),
      // Spread over the breaks between words (prepare.ts marks them); pdfmake leaves each paragraph's last line left.
      alignment: 'justify',
      margin: [0, index === 0 ? 6 : 0, 0, 6],
    }));
    const signature: Content = {
      stack: [
        data.closing,
        // room for the handwritten signature
        { canvas: [], margin: [0, cm(1.5), 0, 0] },
        `(${data.signer.name})`,
        data.signer.position,
      ],
      alignment: 'center',
      margin: [centre - cm(2), 0, 0, 0],
    };
    const content: Content[] = [
      ...(emblem ? [emblem] : []),
      head,
      // the date from the middle of the text, without "วันที่"
      { text: formatThaiDateLong(data.date), margin: [centre, 6, 0, 8] },
      labelled('เรื่อง', data.subject),
      labelled('เรียน', data.to),
    ];
    if (data.referTo) content.push(labelled('อ้างถึง', data.referTo));
    if (data.enclosures.length) content.push(labelled('สิ่งที่ส่งมาด้วย', data.enclosures));
    const foot = letterFoot(data.contact, style);
    // The closing and signature never stand alone on the last page: a short last paragraph (as a rule
    // "จึงเรียนมาเพื่อ…") goes with them, to the page that also has room for the contact block below them. Only a
    // short one: pdfmake keeps just the first page of an unbreakable block taller than a page.
    const keptWithSignature = linesAtMost(data.paragraphs.at(-1)!, contentWidth(style) - cm(PARAGRAPH_INDENT_CM), style.bodySize) <= 4 ? body.pop()! : null;
    content.push(...body);
    content.push({ stack: [...(keptWithSignature ? [keptWithSignature] : []), signature, ...(foot ? [foot.reserve] : [])], unbreakable: true });
    if (foot) content.push(foot.block);
    return content;
  },
  fileName: (data) => `หนังสือ-${data.date}`,
});
