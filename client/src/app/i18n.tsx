/**
 * Vietnamese first, English on request. The chosen language sticks (local
 * storage) and sets <html lang>. Each screen keeps its own strings beside it:
 *
 *   const useT = defineStrings({ vi: { title: 'Cố vấn' }, en: { title: 'Mentors' } });
 *   const t = useT(); … <h1>{t.title}</h1>
 *
 * English must define every key Vietnamese does (the type says so).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'vi' | 'en';
const LANG_KEY = 'runway.lang';

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => {} });

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return stored === 'en' || stored === 'vi' ? stored : 'vi';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LangState>(
    () => ({
      lang,
      setLang(next) {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

// Values are strings or functions that build one from parameters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Strings = Record<string, string | ((...args: any[]) => string)>;

export function defineStrings<T extends Strings>(strings: { vi: T; en: { [K in keyof T]: T[K] } }): () => T {
  return function useStrings() {
    return strings[useLang().lang];
  };
}

/** A value the API gives in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export function useBilingual(): (text: Bilingual | string | null | undefined) => string {
  const { lang } = useLang();
  return (text) => (text == null ? '' : typeof text === 'string' ? text : text[lang] || text.vi);
}
