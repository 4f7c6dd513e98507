// The one refusal the fund's pure rules give: Thai first with an English twin, naming the input field, so the API
// layer can pass it on unchanged as ApiError('INVALID_INPUT', th, en, field).

export class WelfareRuleError extends Error {
  readonly th: string;
  readonly en: string;
  /** the input the refusal is about, as a dotted path ("amountSatang", "allocations.3.paidOn", "settings.scheme.months") */
  readonly field: string;
  /** the numbers behind the message, for a screen that shows them in its own layout (satang, ISO dates, counts) */
  readonly details: Readonly<Record<string, number | string>>;

  constructor(refusal: { th: string; en: string; field: string; details?: Record<string, number | string> }) {
    super(refusal.th);
    this.name = 'WelfareRuleError';
    this.th = refusal.th;
    this.en = refusal.en;
    this.field = refusal.field;
    this.details = refusal.details ?? {};
  }
}
