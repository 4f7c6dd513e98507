// แบบเสนอเพื่อรับการสนับสนุนกองทุนสวัสดิการชุมชน ตามโครงการสนับสนุนการจัดสวัสดิการชุมชน (DOMAIN.md §2.6): 1 the fund,
// 2 the proposing body, 3 the chair and the coordinator, 4 the criteria (4.1 operating a year, 4.2 members of a year
// with the request round and the rounds before it, the groups covered and the villages taking part, 4.3 members'
// contributions and the local government's support, 4.4 up-to-date accounts, 4.5 the welfare types paid, 4.6 other
// work) each marked met or not with its numbers, 5 the amount, 6 highlights, 7 sustainability, 8 signatures. The
// figures are main/welfare/codi-methods.ts application(), the same the screen shows.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { checkBox, dataTable, signatureRow } from '../blocks';
import { bahtTextInBrackets, formatSatang, formatThaiDateLong } from '../format';
import { defineForm } from './types';
import { isoDate } from './welfare-parts';
import { contentWidth } from '../style';
import { committeeMember, headerWithFirstRow, heading, keepHeadingsWithNext, keptTogether, widthsWithAmounts, writingLines } from './welfare-status-form';

const count = z.number().int().min(0);

export const welfareBudgetApplicationInput = z.object({
  fiscalYear: z.number().int().min(2540).max(2700),
  asOf: isoDate('ณ วันที่', 'As of'),
  foundingDate: isoDate('วันก่อตั้ง', 'Founding date').nullable(),
  currentMembers: count,
  contributionMode: z.string().max(200).default(''),
  completedOneYear: count,
  cutoff: isoDate('วันที่นับ', 'Cut-off'),
  round: z.number().int().min(1),
  rounds: z.array(z.object({ round: z.number().int().nullable(), approvalDate: isoDate('วันอนุมัติ', 'Approval date').nullable(), amountSatang: z.number().int(), memberContributionsSatang: z.number().int() })).max(100),
  memberContributionsThisYear: z.number().int(),
  localGovernmentLastYear: z.number().int(),
  villagesTakingPart: count,
  villagesTotal: count,
  localGovernmentKind: z.enum(['subdistrict', 'municipality']),
  criteria: z.array(z.object({ item: z.string().max(10), label: z.string().max(200), detail: z.string().max(1000), met: z.boolean() })).max(20),
  benefits: z.array(z.object({ name: z.string().max(200), persons: count, amountSatang: z.number().int() })).max(100),
  requestedSatang: z.number().int().min(0),
  suggestion: z.string().max(300).default(''),
  highlights: z.string().max(4000).default(''),
  sustainability: z.string().max(4000).default(''),
  committee: z.array(committeeMember).max(40).default([]),
});

export type WelfareBudgetApplicationData = z.input<typeof welfareBudgetApplicationInput>;

function line(label: string, value: string, indent = 20): Content {
  return { text: [`${label} `, { text: value, bold: true }], margin: [indent, 0, 0, 0] };
}

function words(text: string, width: number): Content[] {
  const paragraphs = text
    .split(/\n+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (paragraphs.length === 0) return [writingLines(width)];
  return paragraphs.map((paragraph): Content => ({ text: paragraph, margin: [20, 0, 0, 2] }));
}

const roundName = (round: number | null) => (round === null ? 'ไม่ระบุรอบ' : `รอบที่ ${round}`);
const metText = (met: boolean) => (met ? 'ผ่าน' : 'ไม่ผ่าน');

function personLine(label: string, member: z.output<typeof committeeMember> | undefined): Content {
  if (!member) return line(label, `${'.'.repeat(50)} เลขประจำตัวประชาชน ${'.'.repeat(30)} โทรศัพท์ ${'.'.repeat(20)}`);
  return line(label, `${member.name}  เลขประจำตัวประชาชน ${member.citizenId || '.'.repeat(30)}  โทรศัพท์ ${member.phone || '.'.repeat(20)}`);
}

function sample(): WelfareBudgetApplicationData {
  return {
    fiscalYear: 2570,
    asOf: '2026-11-30',
    foundingDate: '2008-07-01',
    currentMembers: 16_512,
    contributionMode: 'รายเดือน เดือนละ 30 บาท',
    completedOneYear: 15_207,
    cutoff: '2027-09-30',
    round: 4,
    rounds: [
      { round: 1, approvalDate: '2011-03-15', amountSatang: 1_254_300_00, memberContributionsSatang: 1_120_500_00 },
      { round: 2, approvalDate: '2016-06-02', amountSatang: 1_000_000_00, memberContributionsSatang: 3_205_110_00 },
      { round: 3, approvalDate: '2023-08-21', amountSatang: 1_000_000_00, memberContributionsSatang: 5_410_230_00 },
    ],
    memberContributionsThisYear: 495_360_00,
    localGovernmentLastYear: 300_000_00,
    villagesTakingPart: 14,
    villagesTotal: 20,
    localGovernmentKind: 'subdistrict',
    criteria: [
      { item: '4.1', label: 'ดำเนินการจัดสวัสดิการมาแล้วไม่น้อยกว่า 1 ปี', detail: 'ก่อตั้ง 1 กรกฎาคม 2551 ถึง 30 กันยายน 2570 ครบ 19 ปี', met: true },
      { item: '4.2', label: 'หมู่บ้านที่เข้าร่วมไม่น้อยกว่าร้อยละ 50 ของหมู่บ้านทั้งหมด', detail: 'เข้าร่วม 14 จาก 20 หมู่บ้าน (ร้อยละ 70)', met: true },
      { item: '4.2', label: 'ครอบคลุมเด็ก/เยาวชน ผู้สูงอายุ ผู้พิการ และผู้ด้อยโอกาส', detail: 'เด็ก/เยาวชน 2,118 คน, ผู้สูงอายุ 3,050 คน, ผู้พิการ 236 คน, ผู้ด้อยโอกาส 330 คน', met: true },
      { item: '4.4', label: 'ระบบบัญชีเป็นปัจจุบัน (ปิดงวดบัญชีถึงเดือนก่อน)', detail: 'ปิดงวดบัญชีถึง 30 กันยายน 2569 (ต้องปิดถึง 31 ตุลาคม 2569)', met: false },
      { item: '4.5', label: 'จัดสวัสดิการพื้นฐานไม่น้อยกว่า 3 ประเภท', detail: 'จ่ายแล้ว 4 ประเภท: คลอดบุตร, นอนโรงพยาบาล, ผู้สูงอายุ, เสียชีวิต', met: true },
    ],
    benefits: [
      { name: 'คลอดบุตร', persons: 1_212, amountSatang: 1_212_000_00 },
      { name: 'นอนโรงพยาบาล', persons: 6_541, amountSatang: 3_920_400_00 },
      { name: 'ผู้สูงอายุ', persons: 2_950, amountSatang: 590_000_00 },
      { name: 'เสียชีวิต', persons: 412, amountSatang: 4_210_000_00 },
    ],
    requestedSatang: 5_550_555_00,
    suggestion: '15,207 คน × 365 บาท = 5,550,555 บาท',
    highlights: 'สมาชิกครอบคลุมทุกช่วงวัย มีศูนย์ประสานงานทุกหมู่บ้าน และรายงานบัญชีต่อสมาชิกทุกเดือน',
    sustainability: 'นำเงินสมทบเข้ากองทุนเพื่อจัดสวัสดิการตามระเบียบ ไม่เกินร้อยละ 20 ใช้ในการบริหารจัดการ',
    committee: [
      { name: 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์', position: 'ประธาน', communityRole: '', citizenId: '3-4099-00123-45-1', phone: '081-234-5678' },
      { name: 'นายฐิติพงศ์ ฤทธิ์ณรงค์', position: 'ผู้ประสานงาน', communityRole: '', citizenId: '', phone: '089-111-2222' },
      { name: 'นางบุญเรือน แก้วมณี', position: 'เหรัญญิก', communityRole: '', citizenId: '', phone: '' },
      { name: 'นางสาวปุณณ์ญาดา ธนัชพฤกษ์', position: 'เลขานุการ', communityRole: '', citizenId: '', phone: '' },
    ],
  };
}

export const welfareBudgetApplicationForm = defineForm({
  id: 'welfare-budget-application',
  titleTh: 'แบบเสนอเพื่อรับการสนับสนุนกองทุนสวัสดิการชุมชน',
  titleEn: 'Application for government matching of the community welfare fund (CODI)',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfareBudgetApplicationInput,
  sample,
  build: (data, { office, style }) => {
    const writable = contentWidth(style) - 20;
    const chair = data.committee.find((member) => member.position.includes('ประธาน') && !member.position.includes('รอง'));
    const coordinator = data.committee.find((member) => member.position.includes('ผู้ประสานงาน'));
    const others = data.committee.filter((member) => member !== chair).slice(0, 4);
    const criterion = (key: string) => data.criteria.filter((entry) => entry.item === key);
    const unit = data.localGovernmentKind === 'municipality' ? 'ชุมชน' : 'หมู่บ้าน';
    const criteriaWidths = widthsWithAmounts(style, [1.5, 6, 8, 2.4]);
    const roundsWidths = widthsWithAmounts(style, [2.2, 4, true, true]);
    const benefitWidths = widthsWithAmounts(style, [1.5, 7, 2.6, true]);
    const marks = (key: string): Content[] => criterion(key).map((entry): Content => ({ text: [`${entry.label}: ${entry.detail} `, { text: `(${metText(entry.met)})`, bold: true }], margin: [20, 0, 0, 0] }));
    const content: Content[] = [
      { text: 'แบบเสนอเพื่อรับการสนับสนุนกองทุนสวัสดิการชุมชน', style: 'title' },
      { text: `ตามโครงการสนับสนุนการจัดสวัสดิการชุมชน ปีงบประมาณ ${data.fiscalYear}`, style: 'subtitle', margin: [0, 0, 0, 6] },

      heading('1. ชื่อกองทุนและที่อยู่'),
      line('ชื่อกองทุน', office.fundName),
      line('ที่อยู่', office.address || '-'),
      line('โทรศัพท์', office.phone || '-'),
      heading('2. องค์กรที่เสนอ'),
      line('', office.fundName),
      heading('3. ผู้รับผิดชอบ'),
      personLine('ประธานกองทุน', chair),
      personLine('ผู้ประสานงาน', coordinator),

      heading('4. หลักเกณฑ์การสนับสนุน'),
      { text: '4.1 กองทุนดำเนินการจัดสวัสดิการมาแล้วไม่น้อยกว่า 1 ปี', bold: true, margin: [10, 0, 0, 0] },
      line('ก่อตั้งเมื่อวันที่', data.foundingDate === null ? '.'.repeat(40) : formatThaiDateLong(data.foundingDate)),
      { stack: [checkBox('สถาบันพัฒนาองค์กรชุมชน (พอช.) รับรอง', false), checkBox('จดทะเบียนเป็นองค์กรสาธารณประโยชน์/องค์กรสวัสดิการชุมชน', false), checkBox('คณะกรรมการระดับจังหวัดรับรอง (กองทุนที่ก่อตั้งตั้งแต่ 1 ตุลาคม 2553)', false)], margin: [20, 0, 0, 0], style: 'table' },
      line('จำนวนสมาชิกปัจจุบัน', `${data.currentMembers.toLocaleString('en-US')} คน`),
      line('การส่งเงินสมทบของสมาชิก', data.contributionMode || '.'.repeat(40)),
      ...marks('4.1'),

      { text: '4.2 สมาชิกและรอบการขอรับการสนับสนุน', bold: true, margin: [10, 4, 0, 0] },
      line(`สมาชิกที่เป็นสมาชิกครบ 1 ปี ณ วันที่ ${formatThaiDateLong(data.cutoff)}`, `${data.completedOneYear.toLocaleString('en-US')} คน`),
      line('ขอรับการสนับสนุน', data.round === 1 ? 'รอบแรก' : `รอบที่ ${data.round}`),
      keptTogether({ text: '', margin: [0, 2, 0, 0] }, dataTable({
        widths: roundsWidths,
        header: [['รอบ', 'วันที่คณะอนุกรรมการ/คณะทำงานฯ อนุมัติ', 'งบสมทบ (บาท)', 'เงินสมทบสมาชิก (บาท)']],
        body: [
          ...data.rounds.map((round): TableCell[] => [roundName(round.round), round.approvalDate ? formatThaiDateLong(round.approvalDate) : '-', { text: formatSatang(round.amountSatang), alignment: 'right' }, { text: formatSatang(round.memberContributionsSatang), alignment: 'right' }]),
          [{ text: `รอบที่ ${data.round} (ครั้งนี้)`, bold: true }, { text: 'ขอรับการสนับสนุน', bold: true }, { text: formatSatang(data.requestedSatang), bold: true, alignment: 'right' }, { text: formatSatang(data.memberContributionsThisYear), bold: true, alignment: 'right' }],
        ],
      }), data.rounds.length),
      ...marks('4.2'),
      line(`${unit}ที่มีสมาชิก`, `${data.villagesTakingPart.toLocaleString('en-US')} จาก ${data.villagesTotal.toLocaleString('en-US')} ${unit}`),

      { text: '4.3 การสมทบของสมาชิกและการสนับสนุนจากองค์กรปกครองส่วนท้องถิ่น', bold: true, margin: [10, 4, 0, 0] },
      line(`เงินสมทบของสมาชิก ปีงบประมาณ ${data.fiscalYear}`, `${formatSatang(data.memberContributionsThisYear)} บาท`),
      line(`องค์กรปกครองส่วนท้องถิ่นสนับสนุน ปีงบประมาณ ${data.fiscalYear - 1}`, `${formatSatang(data.localGovernmentLastYear)} บาท`),

      { text: '4.4 การบริหารจัดการ', bold: true, margin: [10, 4, 0, 0] },
      ...marks('4.4'),

      keptTogether({ text: '4.5 การจัดสวัสดิการพื้นฐานไม่น้อยกว่า 3 ประเภท', bold: true, margin: [10, 4, 0, 0] }, dataTable({
        widths: benefitWidths,
        header: [['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (ราย)', 'เป็นเงิน (บาท)']],
        body:
          data.benefits.length === 0
            ? [[{ text: 'ยังไม่มีการจ่ายสวัสดิการ', colSpan: 4, alignment: 'center' } as TableCell, {}, {}, {}]]
            : data.benefits.map((row, index): TableCell[] => [{ text: String(index + 1), alignment: 'center' }, row.name, { text: row.persons.toLocaleString('en-US'), alignment: 'right' }, { text: formatSatang(row.amountSatang), alignment: 'right' }]),
      }), data.benefits.length),
      ...marks('4.5'),
      { text: '4.6 สวัสดิการที่ไม่ใช่ตัวเงินและการเชื่อมโยงกับงานอื่น', bold: true, margin: [10, 4, 0, 0] },
      writingLines(writable),

      keptTogether({ text: 'สรุปผลการตรวจสอบหลักเกณฑ์จากข้อมูลในระบบ', bold: true, margin: [0, 6, 0, 2] }, dataTable({
        widths: criteriaWidths,
        header: [['ข้อ', 'หลักเกณฑ์', 'ข้อมูล', 'ผล']],
        body: data.criteria.map((entry): TableCell[] => [{ text: entry.item, alignment: 'center' }, entry.label, entry.detail, { text: metText(entry.met), bold: true, alignment: 'center' }]),
      }), data.criteria.length),

      keptTogether(
        heading('5. จำนวนเงินที่ขอรับการสนับสนุน'),
        { stack: [line('เป็นเงิน', `${formatSatang(data.requestedSatang)} บาท ${bahtTextInBrackets(data.requestedSatang)}`), ...(data.suggestion ? [{ text: `(คำนวณจากสมาชิกครบ 1 ปี: ${data.suggestion})`, style: 'table', margin: [20, 0, 0, 0] } as Content] : [])] },
        0,
      ),
      heading('6. จุดเด่นของกองทุน'),
      ...words(data.highlights, writable),
      heading('7. แผนการใช้เงินและความยั่งยืนของกองทุน'),
      ...words(data.sustainability, writable),
      heading('8. ลงนาม'),
      // two to a row: a name of three long parts fits its column without wrapping; the six stay on one page
      {
        stack: [
          signatureRow([{ name: chair?.name, position: 'ประธานกองทุน' }, { name: others[0]?.name, position: others[0]?.position || 'กรรมการ' }], 16),
          signatureRow([{ name: others[1]?.name, position: others[1]?.position || 'กรรมการ' }, { name: others[2]?.name, position: others[2]?.position || 'กรรมการ' }], 8),
          signatureRow([{ name: others[3]?.name, position: others[3]?.position || 'กรรมการ' }, { position: data.localGovernmentKind === 'municipality' ? 'นายกเทศมนตรี/รองนายกเทศมนตรี' : 'นายก อบต./รองนายก อบต.', role: 'ผู้บริหาร อปท.' }], 8),
        ],
        unbreakable: true,
      },
    ];
    return keepHeadingsWithNext(content).map(headerWithFirstRow);
  },
  fileName: (data) => `แบบเสนอขอรับการสนับสนุน-${data.fiscalYear}`,
});
