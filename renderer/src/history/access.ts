import type { Role } from '../app/store';

/** Who reads the history: the same list as the core's history methods (main/history/methods.ts historyReaders). */
const historyReaderRoles: readonly Role[] = ['admin', 'auditor'];

export function canReadHistory(role: Role): boolean {
  return historyReaderRoles.includes(role);
}
