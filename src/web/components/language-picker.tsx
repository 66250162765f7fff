import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n/index';
import { rememberLocale, switchLanguage } from '../i18n';

/** Switches the UI language before sign-in (languages listed by their own names). */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('common:language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const lng = e.target.value as Locale;
          rememberLocale(lng);
          void switchLanguage(lng);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
