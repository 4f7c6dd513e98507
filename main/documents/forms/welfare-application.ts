// ใบสมัครสมาชิกกองทุนสวัสดิการชุมชน (DOMAIN.md §2.5): เลขทะเบียนสมาชิก, เขียนที่, the date, เรียน the chair, the
// applicant with the full citizen ID (the application needs it), age, birth date and address, the commitment, the
// beneficiaries, consent for health data (PDPA s.26: sensitive data needs explicit consent), the applicant's
// signature, the community committee's certification and the executive committee's resolution (รับ/ไม่รับ).
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { ageOn } from '../../dates';
import { formatCitizenId } from '../../people/citizen-id';
import { checkBox, dataTable, dots, signatureBlock } from '../blocks';
import { formatThaiDateLong } from '../format';
import { personName, personNameText } from '../person-name';
import { cm, contentWidth } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { citizenIdField, isoDate, nameFields, signerFields, thaiDateWithLabels } from './welfare-parts';

const beneficiary = nameFields.extend({
  /** ความสัมพันธ์กับผู้สมัคร: บุตร, มารดา, คู่สมรส … */
  relationship: z.string().trim().min(1, bilingual('ต้องกรอกความสัมพันธ์กับผู้สมัคร', 'The relationship is required')).max(60),
  /** ส่วนแบ่ง, per cent, to two decimals as the register keeps it (33.33 + 33.33 + 33.34) */
  sharePercent: z
    .number({ error: bilingual('ส่วนแบ่งต้องเป็นตัวเลขร้อยละ', 'The share must be a percentage') })
    .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, bilingual('ส่วนแบ่งมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง', 'The share has at most two decimals'))
    .min(0.01, bilingual('ส่วนแบ่งต้องมากกว่าร้อยละ 0', 'The share must be more than 0 %'))
    .max(100, bilingual('ส่วนแบ่งต้องไม่เกินร้อยละ 100', 'The share must be at most 100 %')),
});

export const welfareApplicationInput = z.object({
  /** เลขทะเบียนสมาชิก; empty: written in by the committee */
  memberNumber: z.string().trim().max(30).default(''),
  /** เขียนที่ */
  writtenAt: z.string().trim().min(1, bilingual('ต้องกรอกสถานที่เขียน', 'Where it is written is required')).max(200),
  date: isoDate('วันที่สมัคร', 'Application date'),
  /** เรียน; empty: ประธานคณะกรรมการ + the fund's name */
  to: z.string().trim().max(200).default(''),
  applicant: nameFields.extend({
    // The register may not know these yet: the printed form leaves dotted lines to be written in by hand.
    citizenId: citizenIdField.or(z.literal('')).default(''),
    birthDate: isoDate('วันเกิด', 'Birth date').nullable().default(null),
    houseNumber: z.string().trim().max(40).default(''),
    village: z.number({ error: bilingual('หมู่ที่ต้องเป็นตัวเลข', 'The village must be a number') }).int().min(1).max(999).nullable().default(null),
    villageName: z.string().trim().max(100).default(''),
    soi: z.string().trim().max(100).default(''),
    road: z.string().trim().max(100).default(''),
    phone: z.string().trim().max(40).default(''),
  }),
  /** ประเภทสมาชิก (ทั่วไป, ผู้สูงอายุ …) */
  category: z.string().trim().max(60).default(''),
  /** what the applicant commits to pay, e.g. "วันละ 1 บาท (เดือนละ 30 บาท)" */
  contribution: z.string().trim().max(200).default(''),
  beneficiaries: z.array(beneficiary).max(10, bilingual('ผู้รับผลประโยชน์มีได้ไม่เกิน 10 คน', 'At most 10 beneficiaries')).default([]),
  /** consent to collect and use health data for health benefits; null: not answered (a blank to be ticked) */
  healthDataConsent: z.boolean().nullable().default(null),
  /** กรรมการประจำชุมชน who certifies; blank: dotted lines */
  communityCommittee: signerFields.default({}),
  /** มติคณะกรรมการบริหาร; all blank on a form printed to be filled in */
  resolution: z
    .object({
      /** ครั้งที่ of the meeting, e.g. "3/2569" */
      meeting: z.string().trim().max(40).default(''),
      date: isoDate('วันที่ประชุม', 'Meeting date').nullable().default(null),
      accepted: z.boolean().nullable().default(null),
      note: z.string().trim().max(300).default(''),
      chair: signerFields.default({}),
    })
    .default({ meeting: '', date: null, accepted: null, note: '', chair: {} }),
}).refine((data) => data.beneficiaries.length === 0 || data.beneficiaries.reduce((sum, entry) => sum + Math.round(entry.sharePercent * 100), 0) === 10000, {
  message: bilingual('ส่วนแบ่งของผู้รับผลประโยชน์ต้องรวมกันได้ร้อยละ 100', "The beneficiaries' shares must add up to 100 %"),
  path: ['beneficiaries'],
});

export type WelfareApplicationData = z.output<typeof welfareApplicationInput>;

/**
 * A paragraph with the house's first-line indent, justified as Thai text is (justify.ts) unless `ragged`: the
 * applicant's particulars are full of numbers (the ID, dates, the phone) that distributed justification would
 * spread apart digit by digit.
 */
function paragraph(text: Content[] | string, marginTop = 0, ragged = false): Content {
  return { text, leadingIndent: cm(2.5), alignment: ragged ? 'left' : 'justify', margin: [0, marginTop, 0, 4] };
}

/** A boxed part of the form for the committees, below the applicant's part. */
function committeeBox(heading: string, body: Content[]): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: heading, bold: true, margin: [0, 0, 0, 2] }, ...body] } as TableCell]] },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 4, paddingBottom: () => 6 },
    margin: [0, 6, 0, 0],
    unbreakable: true,
  };
}

export const welfareApplicationForm = defineForm({
  id: 'welfare-application',
  titleTh: 'ใบสมัครสมาชิกกองทุนสวัสดิการชุมชน',
  titleEn: 'Welfare fund membership application',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfareApplicationInput,
  sample: () => {
    const tambon = sampleTambon();
    const find = (firstName: string) => tambon.people.find((person) => person.firstName === firstName && person.lastName === 'ศรีสุวรรณ์')!;
    const applicant = find('น้ำฝน');
    const mother = find('กิ่งแก้ว');
    const sister = find('กัญญ์ณัฏฐ์');
    const village = tambon.villages.find((entry) => entry.number === applicant.village);
    return {
      memberNumber: '0321',
      writtenAt: `ศาลาอเนกประสงค์หมู่ที่ ${applicant.village}`,
      date: '2026-01-25',
      applicant: {
        title: applicant.title,
        firstName: applicant.firstName,
        lastName: applicant.lastName,
        citizenId: applicant.citizenId,
        birthDate: applicant.birthDate,
        houseNumber: applicant.houseNumber,
        village: applicant.village,
        villageName: village?.name ?? '',
        phone: applicant.phone,
      },
      category: 'ทั่วไป',
      contribution: 'วันละ 1 บาท (เดือนละ 30 บาท)',
      beneficiaries: [
        { title: mother.title, firstName: mother.firstName, lastName: mother.lastName, relationship: 'มารดา', sharePercent: 60 },
        { title: sister.title, firstName: sister.firstName, lastName: sister.lastName, relationship: 'น้องสาว', sharePercent: 40 },
      ],
      healthDataConsent: true,
      communityCommittee: { name: 'นายประเสริฐ ใจดี', position: `กรรมการประจำหมู่ที่ ${applicant.village}` },
      resolution: { meeting: '2/2569', date: '2026-02-05', accepted: true, chair: { name: 'นายสมศักดิ์ ใจดีมาก', position: 'ประธานกองทุน' } },
    };
  },
  build: (data, { office, style }) => {
    const width = contentWidth(style);
    const applicant = data.applicant;
    const address = [
      `บ้านเลขที่ ${applicant.houseNumber || dots(10)}`,
      `หมู่ที่ ${applicant.village ?? dots(6)}`,
      applicant.villageName ? applicant.villageName : '',
      applicant.soi ? `ซอย${applicant.soi}` : '',
      applicant.road ? `ถนน${applicant.road}` : '',
      `ตำบล${office.tambon}`,
      `อำเภอ${office.amphoe}`,
      `จังหวัด${office.province}`,
    ]
      .filter(Boolean)
      .join(' ');
    const half = width / 2;
    const content: Content[] = [
      { text: `เลขทะเบียนสมาชิก ${data.memberNumber || dots(20)}`, alignment: 'right' },
      // the fund's name on a line of its own: a long name must not wrap inside the title
      { text: 'ใบสมัครสมาชิก', style: 'title', margin: [0, 4, 0, 0] },
      { text: office.fundName, style: 'subtitle', margin: [0, 0, 0, 6] },
      { text: `เขียนที่ ${data.writtenAt}`, margin: [half, 0, 0, 0] },
      { text: thaiDateWithLabels(data.date), margin: [half, 0, 0, 6] },
      { text: `เรียน  ${data.to || `ประธานคณะกรรมการ${office.fundName}`}`, margin: [0, 0, 0, 4] },
      paragraph([
        'ข้าพเจ้า ',
        personName(applicant, { bold: true }),
        ' เลขประจำตัวประชาชน ',
        applicant.citizenId ? { text: formatCitizenId(applicant.citizenId), bold: true } : dots(34),
        applicant.birthDate
          ? ` อายุ ${ageOn(applicant.birthDate, data.date)} ปี เกิดวันที่ ${formatThaiDateLong(applicant.birthDate)} อยู่${address}`
          : ` อายุ ${dots(6)} ปี เกิดวันที่ ${dots(30)} อยู่${address}`,
        applicant.phone ? ` โทรศัพท์ ${applicant.phone}` : '',
      ], 0, true),
      paragraph(
        `มีความประสงค์ขอสมัครเป็นสมาชิก${office.fundName}${data.category ? ` ประเภท${data.category}` : ''} ข้าพเจ้าได้ทราบระเบียบของกองทุนแล้ว ยินดีปฏิบัติตามระเบียบ ข้อบังคับ และมติของคณะกรรมการกองทุนทุกประการ และจะจ่ายเงินสมทบเข้ากองทุน${data.contribution ? ` ${data.contribution}` : 'ตามที่ระเบียบกำหนด'} อย่างสม่ำเสมอ หากขาดส่งเงินสมทบตามที่ระเบียบกำหนด ข้าพเจ้ายอมให้พ้นจากการเป็นสมาชิก`,
      ),
      paragraph('เมื่อข้าพเจ้าถึงแก่กรรม ขอมอบสิทธิในเงินสวัสดิการให้แก่ผู้รับผลประโยชน์ ดังนี้'),
      dataTable({
        widths: beneficiaryWidths(width, style.tableSize),
        header: [['ลำดับ', 'ชื่อ-สกุล', 'ความสัมพันธ์', 'ส่วนแบ่ง (ร้อยละ)']],
        body: (data.beneficiaries.length ? data.beneficiaries : [null, null]).map((entry, index): TableCell[] =>
          entry
            ? [{ text: String(index + 1), alignment: 'center' }, personName(entry), entry.relationship, { text: sharePercentText(entry.sharePercent), alignment: 'center' }]
            : [{ text: String(index + 1), alignment: 'center' }, '', '', ''],
        ),
      }),
      {
        // the consent, its boxes and the signature under them are one statement: never split over two pages
        unbreakable: true,
        stack: [
      paragraph(
        'ข้าพเจ้ายินยอมให้กองทุนเก็บรวบรวม ใช้ และเปิดเผยข้อมูลสุขภาพของข้าพเจ้า (ข้อมูลส่วนบุคคลที่มีความอ่อนไหว ตามมาตรา 26 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562) เฉพาะเพื่อพิจารณาและจ่ายสวัสดิการกรณีเจ็บป่วย นอนโรงพยาบาล และเสียชีวิต ทั้งนี้ข้าพเจ้าจะถอนความยินยอมเมื่อใดก็ได้',
        8,
      ),
      {
        columns: [
          { width: cm(2.5), text: '' },
          { width: cm(4), stack: [checkBox('ยินยอม', data.healthDataConsent === true, 11)] },
          { width: '*', stack: [checkBox('ไม่ยินยอม', data.healthDataConsent === false, 11)] },
        ],
      },
      {
        columns: [
          { text: '', width: '*' },
          { width: half, stack: [signatureBlock({ name: personNameText(applicant), role: 'ผู้สมัคร', position: false })] },
        ],
        margin: [0, 12, 0, 0],
      },
        ],
      },
      committeeBox('คำรับรองของคณะกรรมการประจำชุมชน', [
        paragraph(`ข้าพเจ้าขอรับรองว่าผู้สมัครมีภูมิลำเนาอยู่ในหมู่ที่ ${applicant.village ?? dots(6)}${applicant.villageName ? ` ${applicant.villageName}` : ''} จริง และมีคุณสมบัติครบถ้วนตามระเบียบของกองทุน`),
        { columns: [{ text: '', width: '*' }, { width: half - 8, stack: [signatureBlock({ ...data.communityCommittee, role: 'ผู้รับรอง' }, 24)] }] },
      ]),
      committeeBox('มติคณะกรรมการบริหารกองทุน', [
        { text: `ที่ประชุมคณะกรรมการบริหารกองทุน ครั้งที่ ${data.resolution.meeting || dots(12)} ${data.resolution.date ? thaiDateWithLabels(data.resolution.date) : `วันที่ ${dots(30)}`} มีมติ` },
        {
          columns: [
            { width: cm(2.5), text: '' },
            { width: cm(5), stack: [checkBox('รับเป็นสมาชิก', data.resolution.accepted === true, 11)] },
            { width: '*', stack: [checkBox('ไม่รับเป็นสมาชิก', data.resolution.accepted === false, 11)] },
          ],
        },
        ...(data.resolution.accepted === true ? [] : [{ text: `เหตุผล ${data.resolution.note || dots(60)}`, margin: [cm(2.5), 0, 0, 0] as [number, number, number, number] }]),
        { columns: [{ text: '', width: '*' }, { width: half - 8, stack: [signatureBlock({ ...data.resolution.chair, role: 'ประธาน' }, 24)] }], margin: [0, 6, 0, 0] },
      ]),
    ];
    return content;
  },
  fileName: (data) => `ใบสมัคร-${data.applicant.firstName}-${data.applicant.lastName}`.replace(/[\\/:*?"<>|\s]+/g, '-'),
});

/** "60" for a whole share, "33.33" otherwise. */
function sharePercentText(percent: number): string {
  const hundredths = Math.round(percent * 100);
  return hundredths % 100 === 0 ? String(hundredths / 100) : `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** ลำดับ | ชื่อ-สกุล | ความสัมพันธ์ | ส่วนแบ่ง: the name takes what the others leave. */
function beneficiaryWidths(width: number, fontSize: number): number[] {
  const order = Math.ceil(fontSize * 2.6);
  const relationship = Math.ceil(fontSize * 6);
  const share = Math.ceil(fontSize * 7);
  return [order, Math.floor(width - 4 * 8.5 - 1 - order - relationship - share), relationship, share];
}
