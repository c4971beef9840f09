import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, type Language, setLanguage } from '../i18n';

/** The 中文 / English switch; the choice is remembered in this browser. */
export function LanguageSwitch() {
  // useTranslation re-renders this on every switch, so the highlighted option stays right.
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={currentLanguage()}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
      onChange={(lng) => void setLanguage(lng)}
    />
  );
}
