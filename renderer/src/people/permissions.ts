import { useSession } from '../app/store';

/** Everyone who keeps records edits the register; the viewer (auditor) only reads it (main/people/methods.ts). */
export function useCanEditRegister(): boolean {
  return useSession((state) => state.user !== null && state.user.role !== 'viewer');
}
