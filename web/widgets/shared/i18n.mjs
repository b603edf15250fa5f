// Interface language: one setting shared by every widget and page, remembered
// in localStorage when the browser allows it (it can throw on file:// or in a
// sandboxed iframe, hence the guards). Labels come in one table per language
// and area: shared/lang.*.mjs here, <area>/lang.*.mjs registered by each area's
// index.mjs, so a page's script carries only the labels of its own areas.
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';

/** The merged label tables of every area registered so far, per language. */
export const TABLES = Object.freeze({ en: { ...en }, zh: { ...zh } });
export const LANGS = Object.freeze(Object.keys(TABLES));

/** Adds an area's tables ({ en, zh }, same keys); a key of another area is an error. */
export function registerLabels(tables) {
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(tables[lang] ?? {})) {
      if (key in TABLES[lang] && TABLES[lang][key] !== text) throw new Error(`label ${key} registered twice`);
      TABLES[lang][key] = text;
    }
  }
}
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
