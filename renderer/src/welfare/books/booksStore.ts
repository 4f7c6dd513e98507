import { create } from 'zustand';
import { call, type OutputOf } from '../../api';
import { useSession } from '../../app/store';
import { reportError } from '../../ui/apiErrors';

type BooksData = OutputOf<'welfare.books.get'>;
export type Account = BooksData['accounts'][number];
/** A receipt book with the number its next receipt gets (null when used up) and how many numbers are left. */
export type ReceiptBook = BooksData['receiptBooks'][number];

interface BooksState {
  settings: BooksData['settings'];
  accounts: Account[];
  receiptBooks: ReceiptBook[] | null;
  failure: string | null;
  /** counts the reloads: a screen showing what members owe refetches when it changes (a receipt saved or voided) */
  version: number;
  /** after anything that posts, adds a book or moves the lock date */
  reload(): Promise<void>;
}

/** The fund's books as every money screen needs them: receipt books with their next number and what is left, the lock date. */
export const useBooks = create<BooksState>()((set) => ({
  settings: null,
  accounts: [],
  receiptBooks: null,
  failure: null,
  version: 0,
  async reload() {
    try {
      const books = await call('welfare.books.get', {});
      const receiptBooks = books.receiptBooks;
      set((state) => ({ settings: books.settings, accounts: books.accounts, receiptBooks, failure: null, version: state.version + 1 }));
    } catch (error) {
      set({ failure: reportError(error) });
    }
  },
}));

/** Treasurers post money; the administrator may do anything (main/api/router.ts checkAccess). */
export function useCanPostMoney(): boolean {
  return useSession((state) => state.user?.role === 'treasurer' || state.user?.role === 'admin');
}

export function useIsAdministrator(): boolean {
  return useSession((state) => state.user?.role === 'admin');
}
