import { create } from 'zustand';
import { call } from '../api';
import { reportError } from '../ui/apiErrors';
import type { RegulationVersion } from './welfareFormat';

interface RegulationState {
  /** oldest first; null until loaded */
  versions: RegulationVersion[] | null;
  failure: string | null;
  ensureLoaded(): Promise<void>;
  reload(): Promise<void>;
}

/** The fund's regulation versions, which the members' screens read for category names (loaded once, reloaded after a save). */
export const useRegulation = create<RegulationState>()((set, get) => ({
  versions: null,
  failure: null,
  async ensureLoaded() {
    if (get().versions === null) await get().reload();
  },
  async reload() {
    try {
      set({ versions: await call('welfare.regulation.list', {}), failure: null });
    } catch (error) {
      set({ failure: reportError(error) });
    }
  },
}));
