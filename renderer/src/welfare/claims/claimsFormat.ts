// What the claims and vouchers screens share: the shapes the core sends, the regulation in force on a day, and
// printing a voucher from the books.
import type { OutputOf } from '../../api';
import { call } from '../../api';
import { pdfBlobUrl } from '../../documents/documentsApi';
import { saveBase64 } from '../../ui/files';
import type { RegulationVersion } from '../welfareFormat';

export type Claim = OutputOf<'welfare.claims.list'>[number];
export type ClaimStatus = Claim['status'];
export type Judgement = OutputOf<'welfare.claims.judge'>;
export type Payout = OutputOf<'welfare.payouts.list'>[number];
export type MemberFound = OutputOf<'welfare.claims.memberSearch'>[number];

export const claimStatuses: readonly ClaimStatus[] = ['pending', 'approved', 'refused', 'paid'];
export const statusColors: Record<ClaimStatus, string> = { pending: 'gold', approved: 'blue', refused: 'red', paid: 'green' };

/** The version of the regulation in force on a day (versions come oldest first), or null before the first. */
export function versionOn(versions: readonly RegulationVersion[], isoDate: string): RegulationVersion | null {
  return [...versions].reverse().find((version) => version.effectiveFrom <= isoDate) ?? null;
}

/** A benefit by its code, from the version in force on the day, or any version that has it (a name for the list). */
export function benefitOf(versions: readonly RegulationVersion[], code: string, isoDate: string) {
  return versionOn(versions, isoDate)?.benefitTypes.find((benefit) => benefit.code === code) ?? versions.flatMap((version) => version.benefitTypes).find((benefit) => benefit.code === code) ?? null;
}

/** Opens the voucher's PDF in a new window (or saves it when the window is blocked); returns the total printed. */
export async function printVoucher(payoutId: number): Promise<number> {
  const printed = await call('welfare.payouts.print', { payoutId });
  if (!window.open(pdfBlobUrl(printed.pdfBase64), '_blank')) saveBase64(printed.fileName, printed.pdfBase64, 'application/pdf');
  return printed.totalSatang;
}
