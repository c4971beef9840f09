import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from './locales';

/** Languages the UI speaks; the first is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tierdesk.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Typing keys against the Chinese file makes a misspelt key a compile error.
    resources: { translation: typeof zhCN };
  }
}

function isLanguage(v: unknown): v is Language {
  return LANGUAGES.includes(v as Language);
}

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(v)) return v;
  } catch {
    // Storage can be blocked (private mode, strict settings); the default then applies.
  }
  return 'zh-CN';
}

/** The language in use now, narrowed to one the UI supports. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switches the UI language and remembers the choice in this browser. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but the switch itself still works for this visit.
  }
  await i18n.changeLanguage(lng);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  // React escapes output already.
  interpolation: { escapeValue: false },
});

export default i18n;
