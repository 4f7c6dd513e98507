export const roles = ['admin', 'secretary', 'treasurer', 'planner', 'viewer', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { th: string; en: string }> = {
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
  secretary: { th: 'เลขานุการสภา', en: 'Council secretary' },
  treasurer: { th: 'เหรัญญิกกองทุน', en: 'Fund treasurer' },
  planner: { th: 'เจ้าหน้าที่แผน', en: 'Plan officer' },
  viewer: { th: 'ผู้ดูข้อมูล (ดูอย่างเดียว)', en: 'Viewer (read only)' },
  auditor: { th: 'ผู้ตรวจสอบ', en: 'Auditor' },
};

/**
 * The two roles that change nothing. The viewer reads what every logged-in user reads ('user' methods); the auditor
 * reads everything, including what only some roles read (the user list, the audit history), and is refused every
 * write and task except those below (main/api/router.ts checkAccess).
 */
export const readOnlyRoles: readonly Role[] = ['viewer', 'auditor'];

/** Everyone who keeps records (the administrator is always allowed besides): every role but the read-only two. */
export const recordKeepers: readonly Role[] = roles.filter((role) => role !== 'admin' && !readOnlyRoles.includes(role));

/**
 * The writes and tasks an auditor may call: ending or unlocking the own session, changing the own password, and
 * prints that only read (a passbook printed with the full citizen ID leaves an audit row, which changes no record).
 * Not here on purpose: `welfare.receipts.print` (it counts the print, so the office's next print would come out as
 * "สำเนา"; the viewer is refused it too, main/welfare/print-methods.ts) and every export (personal data leaves the
 * office; the auditor reads it on screen).
 */
export const auditorMayCall: ReadonlySet<string> = new Set([
  'office.auth.logout',
  'office.auth.lock',
  'office.auth.unlock',
  'office.password.change',
  'welfare.members.applicationPrint',
  'welfare.members.passbookPrint',
  'welfare.payouts.print',
  'welfare.reports.cashBookPrint',
  'welfare.reports.arrearsPrint',
  // the auditor's own tools: the change history and its export, a person's access-request printout
  'history.export',
  'history.accessRequestPrint',
]);
