import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api';
import { useSession } from '../app/store';

/** The message the office reads for any failure: the core's own words in the UI language, never a code. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) {
    return i18next.language === 'en' ? error.data.messageEn : error.data.messageTh;
  }
  return i18next.t('common.unexpectedError');
}

/** A session that ended in the core (restart, logout elsewhere) sends the window back to the login screen. */
function followSessionEnd(error: unknown): void {
  if (error instanceof ApiCallError && error.data.code === 'NOT_LOGGED_IN') void useSession.getState().loadSession();
}

/**
 * Shows an API failure where it belongs: under the named field when the form has it (paths like 'office.tambon'
 * match nested Form.Item names; null is returned), otherwise hands the failure back for a useFailure setter to keep
 * and show in the language of the moment.
 */
export function errorOutsideForm(form: FormInstance, error: unknown, formFields: readonly string[]): unknown {
  followSessionEnd(error);
  const field = error instanceof ApiCallError ? error.data.field : undefined;
  if (!field || !formFields.includes(field)) return error;
  form.setFields([{ name: field.split('.'), errors: [errorMessage(error)] }]);
  // after the caller has shown the step or tab holding the field
  requestAnimationFrame(() => form.scrollToField(field.split('.'), { block: 'center', focus: true }));
  return null;
}

/**
 * What a screen keeps as its failure: an API error (or anything thrown), or its own words — a plain string, or a
 * function giving them (e.g. `() => t('some.key')`) so that they also follow the UI language. null for none.
 */
export type Failure = unknown;

/** The words for a kept failure in the current UI language (null for none). */
export function failureMessage(failure: Failure): string | null {
  if (failure === null || failure === undefined) return null;
  if (typeof failure === 'string') return failure;
  if (typeof failure === 'function') return String((failure as () => unknown)());
  return errorMessage(failure);
}

/** For a failure kept inside other state (shown with useFailureMessage): handles an ended session, gives the failure back. */
export function keptFailure(error: unknown): Failure {
  followSessionEnd(error);
  return error;
}

/** failureMessage for components that keep failures inside other state; re-renders when the UI language changes. */
export function useFailureMessage(): (failure: Failure) => string | null {
  useTranslation();
  return failureMessage;
}

/**
 * A screen's failure state: keeps the failure itself and gives its message in the current UI language, so a failure
 * shown in Thai reads in English after the switch. Setting an API error handles an ended session, as reportError does.
 */
export function useFailure(): [message: string | null, setFailure: (failure: Failure) => void] {
  useTranslation();
  const [failure, setKept] = useState<Failure>(null);
  const setFailure = useCallback((next: Failure) => {
    if (next !== null && next !== undefined && typeof next !== 'string' && typeof next !== 'function') followSessionEnd(next);
    setKept(() => next); // an updater, so that a function failure is kept rather than called
  }, []);
  return [failureMessage(failure), setFailure];
}

/** For failures outside a form (lists, previews): the message to show, after handling an ended session. */
export function reportError(error: unknown): string {
  followSessionEnd(error);
  return errorMessage(error);
}
