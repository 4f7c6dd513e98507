// Pieces the fund's two statements share (รายงานรับ-จ่ายประจำเดือน, งบรับ-จ่ายประจำปี): the data of a
// receipts-and-payments statement, its table (money brought forward, received, paid, carried forward), amounts that
// stay whole on one line, and the signatures. The figures are main/welfare/statements.ts receiptsAndPayments().
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { columnWidths, dataTable, signatureRow } from '../blocks';
import { formatSatang } from '../format';
import type { PageStyle } from '../style';
import { isoDate } from './welfare-parts';

/** Signed satang: a line of a statement may be below 0 (a receipt of last month voided this month). */
export const signedSatang = z.number().int(bilingual('จำนวนเงินต้องเป็นจำนวนเต็มสตางค์', 'Amounts must be whole satang')).min(-99_999_999_999).max(99_999_999_999);

export const statementLine = z.object({
  code: z.string().trim().max(20).default(''),
  name: z.string().trim().min(1).max(200),
  amount: signedSatang,
});

export const moneyHeld = z.object({ cash: signedSatang, bank: signedSatang, total: signedSatang });

export const receiptsAndPaymentsData = z.object({
  from: isoDate('ตั้งแต่วันที่', 'From'),
  to: isoDate('ถึงวันที่', 'To'),
  opening: moneyHeld,
  receipts: z.array(statementLine).max(200),
  payments: z.array(statementLine).max(200),
  totalReceipts: signedSatang,
  totalPayments: signedSatang,
  closing: moneyHeld,
});

export type ReceiptsAndPaymentsData = z.output<typeof receiptsAndPaymentsData>;

export const statementSigners = {
  treasurer: z.string().trim().max(100).default(''),
  chair: z.string().trim().max(100).default(''),
};

export const money = (satang: number) => formatSatang(satang);

/** A row of a two-column statement table: the label (indented, or bold for a heading or a total) and its amount. */
export function labelAmountRow(label: string, amount: number | null, options: { bold?: boolean; indent?: boolean } = {}): TableCell[] {
  return [
    { text: label, ...(options.bold ? { bold: true } : {}), ...(options.indent ? { margin: [12, 0, 0, 0] } : {}) },
    { text: amount === null ? '' : money(amount), alignment: 'right', noWrap: true, ...(options.bold ? { bold: true } : {}) },
  ];
}

/** The body rows of a receipts-and-payments statement, in the order a treasurer reads it out at a meeting. */
export function receiptsAndPaymentsRows(data: ReceiptsAndPaymentsData): TableCell[][] {
  const difference = data.totalReceipts - data.totalPayments;
  return [
    labelAmountRow('เงินสดในมือยกมา', data.opening.cash, { indent: true }),
    labelAmountRow('เงินฝากธนาคารยกมา', data.opening.bank, { indent: true }),
    labelAmountRow('รวมยอดยกมา', data.opening.total, { bold: true }),
    labelAmountRow('รายการรับ', null, { bold: true }),
    ...(data.receipts.length === 0 ? [labelAmountRow('ไม่มีรายการรับ', null, { indent: true })] : data.receipts.map((line) => labelAmountRow(line.name, line.amount, { indent: true }))),
    labelAmountRow('รวมรับ', data.totalReceipts, { bold: true }),
    labelAmountRow('รายการจ่าย', null, { bold: true }),
    ...(data.payments.length === 0 ? [labelAmountRow('ไม่มีรายการจ่าย', null, { indent: true })] : data.payments.map((line) => labelAmountRow(line.name, line.amount, { indent: true }))),
    labelAmountRow('รวมจ่าย', data.totalPayments, { bold: true }),
    labelAmountRow(difference >= 0 ? 'รับสูงกว่าจ่าย' : 'จ่ายสูงกว่ารับ', Math.abs(difference), { bold: true }),
    labelAmountRow('เงินสดในมือยกไป', data.closing.cash, { indent: true }),
    labelAmountRow('เงินฝากธนาคารยกไป', data.closing.bank, { indent: true }),
    labelAmountRow('รวมยอดยกไป', data.closing.total, { bold: true }),
  ];
}

/** The receipts-and-payments table: รายการ | จำนวนเงิน (บาท), the amount column wide enough for tens of millions. */
export function receiptsAndPaymentsTable(data: ReceiptsAndPaymentsData, style: PageStyle, keepWithLastRow?: Content): Content {
  return dataTable({
    widths: columnWidths(style, [3.2, 1]),
    // a month of the preset chart (about 20 rows) and the signatures fit one A4 page
    fontSize: Math.min(style.tableSize, 13),
    header: [[{ text: 'รายการ', alignment: 'center' }, { text: 'จำนวนเงิน (บาท)', alignment: 'center' }]],
    body: receiptsAndPaymentsRows(data),
    keepWithLastRow,
  });
}

/** The treasurer who made the statement and the fund's chair who saw it. */
export function statementSignatures(data: { treasurer: string; chair: string }): Content {
  return signatureRow(
    [
      { name: data.treasurer || undefined, role: 'เหรัญญิก', position: false },
      { name: data.chair || undefined, role: 'ประธาน', position: false },
    ],
    18,
  );
}
