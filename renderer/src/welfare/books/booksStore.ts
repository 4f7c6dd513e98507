import { create } from 'zustand';
import { call, type OutputOf } from '../../api';
import { useSession } from '../../app/store';
import { reportError } from '../../ui/apiErrors';

type BooksData = OutputOf<'welfare.books.get'>;
export type Account = BooksData['accounts'][number];
export type ReceiptBook = BooksData['receiptBooks'][number] & {
  /** the number the next receipt of this book gets; null when the book is used up */
  nextNumber: number | null;
};

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

/** The fund's books as every money screen needs them: receipt books with their next number, the lock date. */
export const useBooks = create<BooksState>()((set) => ({
  settings: null,
  accounts: [],
  receiptBooks: null,
  failure: null,
  version: 0,
  async reload() {
    try {
      // The core does not give a book's next number yet: it is the highest number used + 1 (voided ones count,
      // they are never reused).
      const [books, receipts] = await Promise.all([call('welfare.books.get', {}), call('welfare.receipts.list', {})]);
      const highest = new Map<number, number>();
      for (const receipt of receipts) highest.set(receipt.bookId, Math.max(highest.get(receipt.bookId) ?? 0, receipt.number));
      const receiptBooks = books.receiptBooks.map((book) => {
        const next = highest.has(book.id) ? highest.get(book.id)! + 1 : book.firstNumber;
        return { ...book, nextNumber: next > book.lastNumber ? null : next };
      });
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
