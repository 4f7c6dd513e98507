import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/store';
import { languages, type Language } from '../i18n';

/** ไทย | English — each named in its own language; the choice is remembered on this PC. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const setLanguage = useSession((state) => state.setLanguage);
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      value={language}
      onChange={setLanguage}
      options={languages.map((code) => ({ value: code, label: <span lang={code}>{t(`language.${code}`)}</span> }))}
    />
  );
}
