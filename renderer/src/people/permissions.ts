import { readOnlyRoles, useSession } from '../app/store';

/** Everyone who keeps records edits the register; the viewer and the auditor only read it (main/people/methods.ts). */
export function useCanEditRegister(): boolean {
  return useSession((state) => state.user !== null && !readOnlyRoles.includes(state.user.role));
}
