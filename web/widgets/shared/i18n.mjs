// Interface language: one table per language (lang/*.mjs), one setting shared
// by every widget and page, remembered in localStorage when the browser allows
// it (it can throw on file:// or in a sandboxed iframe, hence the guards).
import en from '../lang/en.mjs';
import zh from '../lang/zh.mjs';

export const TABLES = Object.freeze({ en, zh });
export const LANGS = Object.freeze(Object.keys(TABLES));
const KEY = 'simcore.lang';
const EVENT = 'simcore-lang';
let current = null;

function stored() {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

// The reader's own choice, then the browser's preferred languages (a student
// whose browser asks for Chinese gets Chinese labels on first visit), then the
// page's declared language.
function initial() {
  const s = stored();
  if (LANGS.includes(s)) return s;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const lang = String(tag).slice(0, 2).toLowerCase();
    if (LANGS.includes(lang)) return lang;
  }
  const page = globalThis.document?.documentElement?.lang?.slice(0, 2);
  return LANGS.includes(page) ? page : 'en';
}

export function getLang() {
  current ??= initial();
  return current;
}

export function setLang(lang) {
  if (!LANGS.includes(lang) || lang === getLang()) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch { /* not remembered; still switched */ }
  globalThis.dispatchEvent?.(new CustomEvent(EVENT, { detail: { lang } }));
}

export function onLangChange(fn) {
  const handler = () => fn(getLang());
  globalThis.addEventListener?.(EVENT, handler);
  return () => globalThis.removeEventListener?.(EVENT, handler);
}

/** The label for key in the current language (the key itself if missing, which a test forbids). */
export function t(key) {
  return TABLES[getLang()][key] ?? TABLES.en[key] ?? key;
}

/** Fill every [data-i18n] element under root (text only, never markup). */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
