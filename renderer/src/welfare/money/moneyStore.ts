import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { call, type OutputOf } from '../../api';
import { reportError } from '../../ui/apiErrors';

export type MoneyAccount = OutputOf<'welfare.moneyAccounts.list'>[number];

interface MoneyState {
  /** cash on hand and every bank account (closed ones too), with today's balance; null until loaded */
  accounts: MoneyAccount[] | null;
  failure: string | null;
  /** counts the reloads: the lists below a form refetch when money moved */
  version: number;
  reload(): Promise<void>;
}

/** The fund's money accounts as the money-in, transfer and reconciliation screens share them. */
export const useMoneyAccounts = create<MoneyState>()((set) => ({
  accounts: null,
  failure: null,
  version: 0,
  async reload() {
    try {
      const accounts = await call('welfare.moneyAccounts.list', {});
      set((state) => ({ accounts, failure: null, version: state.version + 1 }));
    } catch (error) {
      set({ failure: reportError(error) });
    }
  },
}));

/** "ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7" after the account's name, when it has one. */
export function moneyAccountName(account: Pick<MoneyAccount, 'nameTh' | 'nameEn' | 'bankAccount'>, language: string): string {
  const name = language === 'en' ? account.nameEn || account.nameTh : account.nameTh;
  return account.bankAccount ? `${name} · ${account.bankAccount}` : name;
}

/** The first and last day of a 'YYYY-MM' month, ISO. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}` };
}

/**
 * One month of a money list (other income, transfers), fetched again when the month changes or money moved
 * (`version`). `list` is null while it loads.
 */
export function useMonthList<N extends 'welfare.income.list' | 'welfare.transfers.list'>(method: N, month: string, version: number): { list: OutputOf<N> | null; failure: string | null } {
  const [state, setState] = useState<{ list: OutputOf<N> | null; failure: string | null }>({ list: null, failure: null });
  useEffect(() => {
    let current = true;
    // both lists take the month's { from, to }
    (call(method, monthRange(month) as never) as Promise<OutputOf<N>>).then(
      (list) => current && setState({ list, failure: null }),
      (error: unknown) => current && setState((previous) => ({ list: previous.list, failure: reportError(error) })),
    );
    return () => {
      current = false;
    };
  }, [method, month, version]);
  return state;
}
