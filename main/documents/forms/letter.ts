// หนังสือ: a one-page external letter on the office letterhead, laid out as Thai official letters are:
// ที่ on the left and the office on the right of the emblem, the date from the middle of the page, then เรื่อง,
// เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, the body with a first-line indent, the closing and the signature.
import type { Content } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { cm, contentWidth } from '../style';
import { formatThaiDateLong } from '../format';
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
    const halfWidth = contentWidth(style) / 2;
    // The emblem centred on top (Thai letters print the Garuda or the office's emblem there), then ที่ on the left
    // and the office's name and address from the middle of the page.
    const emblem: Content = office.logo
      ? { image: office.logo, width: cm(2), alignment: 'center', margin: [0, 0, 0, 2] }
      : { text: '', margin: [0, cm(1.5), 0, 0] };
    const head: Content = {
      columns: [
        { text: `ที่ ${data.reference}`, width: halfWidth - cm(2.5) },
        { stack: [office.councilName, office.address], width: '*' },
      ],
      columnGap: 0,
      margin: [0, 0, 0, 6],
    };
    const body: Content[] = data.paragraphs.map((paragraph, index) => ({
      text: paragraph,
      // Thai official letters indent each paragraph's first line by about 2.5 cm.
      leadingIndent: cm(2.5),
      // Left-aligned: pdfmake's justify spreads the space over every break mark, leaving gaps inside Thai runs.
      alignment: 'left',
      margin: [0, index === 0 ? 6 : 0, 0, 6],
    }));
    const content: Content[] = [
      emblem,
      head,
      { text: formatThaiDateLong(data.date), margin: [halfWidth - cm(1), 0, 0, 8] },
      labelled('เรื่อง', data.subject),
      labelled('เรียน', data.to),
    ];
    if (data.referTo) content.push(labelled('อ้างถึง', data.referTo));
    if (data.enclosures.length) content.push(labelled('สิ่งที่ส่งมาด้วย', data.enclosures));
    content.push(...body);
    content.push({
      stack: [
        { text: data.closing, margin: [0, 6, 0, 0] },
        // room for the handwritten signature
        { text: ' ', margin: [0, 0, 0, cm(0.8)] },
        `(${data.signer.name})`,
        data.signer.position,
      ],
      alignment: 'center',
      margin: [halfWidth - cm(2), 0, 0, 0],
      unbreakable: true,
    });
    if (data.contact.length) content.push({ stack: data.contact, margin: [0, cm(0.3), 0, 0], fontSize: style.bodySize - 2 });
    return content;
  },
  fileName: (data) => `หนังสือ-${data.date}`,
});
