import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';
import th from './th';
import en from './en';

export type Language = 'th' | 'en';
export const languages: readonly Language[] = ['th', 'en'];

const languageStorageKey = 'tambonDesk.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof th };
  }
}

export function rememberedLanguage(): Language {
  const stored = localStorage.getItem(languageStorageKey);
  return stored === 'en' ? 'en' : 'th';
}

// B.E. years ("BBBB") in every date the renderer formats.
dayjs.extend(buddhistEra);

function applyToPage(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language);
}

/** Switches the UI language (i18next, dayjs, <html lang>) and remembers it for the next start. */
export async function switchLanguage(language: Language): Promise<void> {
  localStorage.setItem(languageStorageKey, language);
  applyToPage(language);
  await i18next.changeLanguage(language);
}

const startLanguage = rememberedLanguage();
applyToPage(startLanguage);

void i18next.use(initReactI18next).init({
  resources: { th: { translation: th }, en: { translation: en } },
  lng: startLanguage,
  fallbackLng: 'th',
  // resources are bundled, so there is nothing to wait for
  initAsync: false,
  // React escapes already
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
