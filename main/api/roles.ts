export const roles = ['admin', 'secretary', 'treasurer', 'planner', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { th: string; en: string }> = {
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
  secretary: { th: 'เลขานุการสภา', en: 'Council secretary' },
  treasurer: { th: 'เหรัญญิกกองทุน', en: 'Fund treasurer' },
  planner: { th: 'เจ้าหน้าที่แผน', en: 'Plan officer' },
  viewer: { th: 'ผู้ตรวจสอบ/ดูอย่างเดียว', en: 'Viewer / auditor' },
};
