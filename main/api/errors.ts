/** Every refusal the API can give, with the Thai text the office sees and an English one. */
export type ApiErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'NOT_LOGGED_IN'
  | 'ROLE_NOT_ALLOWED'
  | 'BAD_CREDENTIALS'
  /** wrong passwords in a row: wait, then try again (the message says how long) */
  | 'TOO_MANY_TRIES'
  | 'ALREADY_SET_UP'
  | 'NOT_SET_UP'
  | 'CONFLICT'
  /** allowed, but the user must confirm first (e.g. a person with the same name and birth date) */
  | 'NEEDS_CONFIRMATION'
  | 'NOT_FOUND'
  | 'CANCELLED'
  | 'INTERNAL';

/** What crosses a transport: data only, never a stack trace. */
export interface ApiErrorData {
  code: ApiErrorCode;
  messageTh: string;
  messageEn: string;
  /** the input field the message is about, as a dotted path ("phone", "rows.3.amount") */
  field?: string;
  /** the record the refusal is about, so the screen can open it (the person who already has this citizen ID) */
  related?: RelatedRecord;
}

export interface RelatedRecord {
  entity: string;
  id: number;
  /** what the screen names it by, e.g. "นายสมชาย ใจดี (หมู่ 3)" */
  label: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly messageTh: string,
    readonly messageEn: string,
    readonly field?: string,
    readonly related?: RelatedRecord,
  ) {
    super(messageEn);
  }

  toData(): ApiErrorData {
    return {
      code: this.code,
      messageTh: this.messageTh,
      messageEn: this.messageEn,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.related === undefined ? {} : { related: this.related }),
    };
  }
}

export const errors = {
  unknownMethod: (method: string) =>
    new ApiError('UNKNOWN_METHOD', `ไม่รู้จักคำสั่ง "${method}"`, `Unknown method "${method}"`),
  notLoggedIn: () =>
    new ApiError('NOT_LOGGED_IN', 'กรุณาเข้าสู่ระบบก่อน', 'Please log in first'),
  roleNotAllowed: (roleTh: string, roleEn: string) =>
    new ApiError(
      'ROLE_NOT_ALLOWED',
      `ผู้ใช้ที่มีบทบาท "${roleTh}" ทำรายการนี้ไม่ได้ กรุณาให้ผู้ดูแลระบบทำแทน`,
      `A user with the role "${roleEn}" may not do this; ask an administrator`,
    ),
  internal: () =>
    new ApiError(
      'INTERNAL',
      'เกิดข้อผิดพลาดภายในโปรแกรม ไม่มีการบันทึกข้อมูลใด ๆ กรุณาลองใหม่ หากยังพบปัญหาให้แจ้งผู้ดูแล',
      'Internal error; nothing was saved. Please try again',
    ),
};
