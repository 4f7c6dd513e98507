import { create } from 'zustand';
import { call } from '../api';
import { reportError } from '../ui/apiErrors';
import type { Village } from './peopleFormat';

interface VillagesState {
  /** in the office's order; null until loaded */
  villages: Village[] | null;
  failure: string | null;
  /** loads once; later calls return the list already held */
  ensureLoaded(): Promise<void>;
  /** after a change in settings, or a person moved in or out */
  reload(): Promise<void>;
}

/** The villages every people screen picks from (filters, the form, search results), loaded once per session. */
export const useVillages = create<VillagesState>()((set, get) => ({
  villages: null,
  failure: null,
  async ensureLoaded() {
    if (get().villages === null) await get().reload();
  },
  async reload() {
    try {
      set({ villages: await call('people.villages.list', {}), failure: null });
    } catch (error) {
      set({ failure: reportError(error) });
    }
  },
}));
