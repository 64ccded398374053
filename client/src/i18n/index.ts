import { DEFAULT_LANGUAGE, LANGUAGES, LanguageSchema, type Language } from '@polisee/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

const STORAGE_KEY = 'polisee.language';

/**
 * The language before anyone signs in: the last one used on this device, else the browser's
 * first supported one. Once signed in, the user's stored preference wins (applied by the app).
 */
function initialLanguage(): Language {
  const stored = LanguageSchema.safeParse(safeStorage()?.getItem(STORAGE_KEY));
  if (stored.success) return stored.data;
  for (const tag of navigator.languages ?? []) {
    const base = LanguageSchema.safeParse(tag.split('-')[0]?.toLowerCase());
    if (base.success) return base.data;
  }
  return DEFAULT_LANGUAGE;
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off (private modes, strict policies): the app still works.
    return undefined;
  }
}

function reflectLanguage(language: string) {
  document.documentElement.lang = language;
  safeStorage()?.setItem(STORAGE_KEY, language);
}

export function setupI18n() {
  i18n.on('languageChanged', reflectLanguage);
  void i18n.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // The catalogs are bundled, so there is nothing to wait for: render in the right language at once.
    initAsync: false,
    // React escapes what it renders; escaping here as well would show "&amp;" in titles.
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next 25 prints an advertisement to every user's console on start.
    showSupportNotice: false,
  });
  reflectLanguage(i18n.language);
  return i18n;
}

/** The current UI language, narrowed to one the app supports. */
export function currentLanguage(language: string = i18n.language): Language {
  const parsed = LanguageSchema.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

export { i18n };
