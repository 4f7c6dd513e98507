// The registry of printable forms. A new form is one file in this folder and one line below.
import { letterForm } from './letter';
import { nameListForm } from './name-list';
import { personalDataRecordForm } from './personal-data-record';
import { thaiStressForm } from './thai-stress';
import type { FormDefinition } from './types';
import { welfareApplicationForm } from './welfare-application';
import { welfareAnnualStatementForm } from './welfare-annual-statement';
import { welfareArrearsForm } from './welfare-arrears';
import { welfareBudgetApplicationForm } from './welfare-budget-application';
import { welfareCashBookForm } from './welfare-cash-book';
import { welfareMonthlyStatementForm } from './welfare-monthly-statement';
import { welfarePassbookForm } from './welfare-passbook';
import { welfareReceiptForm } from './welfare-receipt';
import { welfareStatusFormForm } from './welfare-status-form';
import { welfareVoucherForm } from './welfare-voucher';

export type { DocumentNotice, FormContext, FormDefinition } from './types';

export const forms: readonly FormDefinition[] = [
  nameListForm,
  letterForm,
  thaiStressForm,
  welfareApplicationForm,
  welfareReceiptForm,
  welfareVoucherForm,
  welfarePassbookForm,
  welfareCashBookForm,
  welfareArrearsForm,
  welfareMonthlyStatementForm,
  welfareAnnualStatementForm,
  welfareStatusFormForm,
  welfareBudgetApplicationForm,
  personalDataRecordForm,
] as unknown as readonly FormDefinition[];

const byId = new Map(forms.map((form) => [form.id, form]));

export function findForm(id: string): FormDefinition | undefined {
  return byId.get(id);
}

export interface FormSummary {
  id: string;
  titleTh: string;
  titleEn: string;
  orientation: 'portrait' | 'landscape';
  /** the data may turn the page (a list with many columns prints landscape) */
  orientationVaries: boolean;
  test: boolean;
  /** has a sample batch of many documents */
  batchSample: boolean;
}

export function formSummaries(): FormSummary[] {
  return forms.map((form) => ({
    id: form.id,
    titleTh: form.titleTh,
    titleEn: form.titleEn,
    orientation: form.orientation,
    orientationVaries: form.orientationFor !== undefined,
    test: form.test ?? false,
    batchSample: form.sampleBatch !== undefined,
  }));
}
