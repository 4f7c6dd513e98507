import type { FormInstance } from 'antd';
import i18next from 'i18next';
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
 * match nested Form.Item names), otherwise returns the message for the caller to show as an alert.
 */
export function showErrorInForm(form: FormInstance, error: unknown, formFields: readonly string[]): string | null {
  followSessionEnd(error);
  const message = errorMessage(error);
  const field = error instanceof ApiCallError ? error.data.field : undefined;
  if (field && formFields.includes(field)) {
    form.setFields([{ name: field.split('.'), errors: [message] }]);
    // after the caller has shown the step or tab holding the field
    requestAnimationFrame(() => form.scrollToField(field.split('.'), { block: 'center', focus: true }));
    return null;
  }
  return message;
}

/** For failures outside a form (lists, previews): the message to show, after handling an ended session. */
export function reportError(error: unknown): string {
  followSessionEnd(error);
  return errorMessage(error);
}
