import { z } from 'zod';
import { roles } from '../api/roles';
import { bilingual, labelFields } from '../api/validation';

const required = (th: string, en: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, bilingual(`กรุณากรอก${th}`, `Enter the ${en.toLowerCase()}`))
    .max(max, bilingual(`${th}ยาวเกินไป (ไม่เกิน ${max} ตัวอักษร)`, `${en} is too long (at most ${max} characters)`));

const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-\s,]*$/, bilingual('เบอร์โทรศัพท์ใช้ได้เฉพาะตัวเลข เครื่องหมาย - และ ,', 'Phone may hold digits, - and , only'));

const logo = z
  .string()
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, bilingual('ตราสัญลักษณ์ต้องเป็นไฟล์ PNG หรือ JPEG', 'The logo must be a PNG or JPEG'))
  .max(700_000, bilingual('ไฟล์ตราสัญลักษณ์ใหญ่เกินไป (ไม่เกิน 500 KB)', 'The logo file is too large (at most 500 KB)'))
  .nullable();

export const officeProfileInput = z.object({
  tambon: required('ชื่อตำบล', 'Tambon'),
  amphoe: required('ชื่ออำเภอ', 'Amphoe'),
  province: required('ชื่อจังหวัด', 'Province'),
  councilName: required('ชื่อสภาองค์กรชุมชน', 'Council name'),
  fundName: required('ชื่อกองทุนสวัสดิการชุมชน', 'Fund name'),
  address: required('ที่อยู่สำนักงาน', 'Office address', 400),
  phone: phone.default(''),
  logo: logo.default(null),
  thaiDigits: z.boolean().default(false),
});
export type OfficeProfileInput = z.input<typeof officeProfileInput>;
export type OfficeProfileData = z.output<typeof officeProfileInput>;

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, bilingual('ชื่อผู้ใช้ต้องเป็นอักษรอังกฤษหรือตัวเลข 3–32 ตัว', 'Username: 3–32 latin letters or digits'));

const password = z
  .string()
  .min(8, bilingual('รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร', 'The password needs at least 8 characters'))
  .max(200);

/** A password that is the username is the first one anybody guesses. */
const passwordIsUsername = bilingual('รหัสผ่านต้องไม่เหมือนชื่อผู้ใช้', 'The password must not be the username');
function refuseUsernameAsPassword(value: { username: string; password: string }, context: z.RefinementCtx): void {
  if (value.password.normalize('NFC').trim().toLowerCase() === value.username) context.addIssue({ code: 'custom', path: ['password'], message: passwordIsUsername });
}

const userFields = z.object({
  displayName: required('ชื่อ-สกุลผู้ใช้', 'Display name'),
  username,
  password,
  role: z.enum(roles),
});

export const newUserInput = userFields.superRefine(refuseUsernameAsPassword);

export const setupInput = z.object({
  office: officeProfileInput,
  admin: userFields.omit({ role: true }).superRefine(refuseUsernameAsPassword),
});

/** The logged-in user's own new password; the username is checked in the handler (it is not typed here). */
export const passwordChangeInput = z.object({
  currentPassword: z
    .string()
    .min(1, bilingual('กรุณากรอกรหัสผ่านปัจจุบัน', 'Enter your current password'))
    .max(200, bilingual('รหัสผ่านยาวเกินไป (ไม่เกิน 200 ตัวอักษร)', 'The password is too long (at most 200 characters)')),
  newPassword: password,
});

/** An administrator's temporary password for another user, who must change it at the next login. */
export const passwordResetInput = z.object({
  userId: z.number().int().positive(),
  newPassword: password,
});

export const unlockInput = z.object({
  password: z
    .string()
    .min(1, bilingual('กรุณากรอกรหัสผ่าน', 'Enter your password'))
    .max(200, bilingual('รหัสผ่านยาวเกินไป (ไม่เกิน 200 ตัวอักษร)', 'The password is too long (at most 200 characters)')),
});

// No account has a longer username or password (see above), so a longer one is refused before any hashing, and a
// failed login's audit row never holds more than a short username.
export const loginInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, bilingual('กรุณากรอกชื่อผู้ใช้', 'Enter your username'))
    .max(64, bilingual('ชื่อผู้ใช้ยาวเกินไป (ไม่เกิน 32 ตัว)', 'The username is too long (at most 32 characters)')),
  password: z
    .string()
    .min(1, bilingual('กรุณากรอกรหัสผ่าน', 'Enter your password'))
    .max(200, bilingual('รหัสผ่านยาวเกินไป (ไม่เกิน 200 ตัวอักษร)', 'The password is too long (at most 200 characters)')),
});

labelFields({
  tambon: ['ตำบล', 'Tambon'],
  amphoe: ['อำเภอ', 'Amphoe'],
  province: ['จังหวัด', 'Province'],
  councilName: ['ชื่อสภาองค์กรชุมชน', 'Council name'],
  fundName: ['ชื่อกองทุน', 'Fund name'],
  address: ['ที่อยู่', 'Address'],
  phone: ['โทรศัพท์', 'Phone'],
  logo: ['ตราสัญลักษณ์', 'Logo'],
  username: ['ชื่อผู้ใช้', 'Username'],
  password: ['รหัสผ่าน', 'Password'],
  displayName: ['ชื่อ-สกุล', 'Display name'],
  role: ['บทบาท', 'Role'],
  currentPassword: ['รหัสผ่านปัจจุบัน', 'Current password'],
  newPassword: ['รหัสผ่านใหม่', 'New password'],
  userId: ['ผู้ใช้', 'User'],
});
