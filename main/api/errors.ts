/** Every refusal the API can give, with the Thai text the office sees and an English one. */
export type ApiErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'NOT_LOGGED_IN'
  | 'ROLE_NOT_ALLOWED'
  /** the screen was locked after idle time: only unlocking (with the same user's password) or logging out is allowed */
  | 'SCREEN_LOCKED'
  /** an administrator reset this user's password: only choosing a new one (or logging out) is allowed */
  | 'PASSWORD_CHANGE_DUE'
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
  /** the disk or the data file refused the write: full, read-only, damaged */
  | 'STORAGE'
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
  screenLocked: () =>
    new ApiError('SCREEN_LOCKED', 'หน้าจอถูกล็อกอยู่ กรุณาใส่รหัสผ่านเพื่อทำงานต่อ', 'The screen is locked; enter your password to continue'),
  passwordChangeDue: () =>
    new ApiError('PASSWORD_CHANGE_DUE', 'กรุณาตั้งรหัสผ่านใหม่ก่อนทำงานต่อ (ผู้ดูแลระบบตั้งรหัสผ่านชั่วคราวให้)', 'Choose a new password before you go on (an administrator set a temporary one)'),
  internal: () =>
    new ApiError(
      'INTERNAL',
      'เกิดข้อผิดพลาดภายในโปรแกรม ไม่มีการบันทึกข้อมูลใด ๆ กรุณาลองใหม่ หากยังพบปัญหาให้แจ้งผู้ดูแล',
      'Internal error; nothing was saved. Please try again',
    ),
};

/**
 * A write the disk or the data file refused, said plainly: SQLite rolled the transaction back, so nothing was saved.
 * Null for any other error.
 */
export function storageFailure(error: unknown): ApiError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_FULL') {
    return new ApiError('STORAGE', 'บันทึกไม่ได้ เพราะพื้นที่ดิสก์เต็ม ไม่มีการบันทึกข้อมูลใด ๆ กรุณาลบไฟล์ที่ไม่ใช้แล้วลองใหม่', 'Nothing was saved: the disk is full. Free some space and try again');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ApiError('STORAGE', 'บันทึกไม่ได้ เพราะไฟล์ข้อมูลหรือโฟลเดอร์กลายเป็นแบบอ่านอย่างเดียว ไม่มีการบันทึกข้อมูลใด ๆ กรุณาปิดโปรแกรมแล้วตรวจสิทธิ์ของโฟลเดอร์ข้อมูล', 'Nothing was saved: the data file or its folder became read-only. Close the app and check the data folder');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ApiError('STORAGE', 'ไฟล์ข้อมูลเสียหาย ไม่มีการบันทึกข้อมูลใด ๆ กรุณาปิดโปรแกรมแล้วกู้คืนจากไฟล์สำรอง', 'The data file is damaged; nothing was saved. Close the app and restore a backup');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new ApiError('STORAGE', 'อ่านหรือเขียนดิสก์ไม่ได้ (ดิสก์อาจมีปัญหาหรือถูกถอดออก) ไม่มีการบันทึกข้อมูลใด ๆ กรุณาสำรองข้อมูลและตรวจดิสก์', 'The disk could not be read or written (it may be failing or was removed); nothing was saved. Back up and check the disk');
  }
  return null;
}
