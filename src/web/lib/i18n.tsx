/**
 * The reader's language in the app: taken from the address (`?lang=en`), else the last choice
 * (localStorage `plateau.lang`), else French. Switching rewrites the address, remembers the
 * choice and sets `<html lang>` so that screen readers pronounce the page right.
 */
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../i18n/lang.ts';
import { DEFAULT_LANG, isLang } from '../../i18n/lang.ts';
import type { MessageKey, MessageParams } from '../../i18n/translate.ts';
import { t } from '../../i18n/translate.ts';
import { withLang } from './paths.ts';
import { navigate, useLocation } from './router.ts';

/** Where the chosen language is remembered. */
export const LANG_STORAGE_KEY = 'plateau.lang';

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage refused (private mode): the address still carries the language.
  }
}

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangContextValue>({
  lang: DEFAULT_LANG,
  setLang: () => undefined,
});

/** Provides the language to the app. */
export function LangProvider({ children }: { children: ReactNode }): ReactNode {
  const { search, href } = useLocation();
  const fromUrl = search.get('lang');
  const [stored, setStored] = useState<Lang>(storedLang);
  const lang: Lang = isLang(fromUrl) ? fromUrl : stored;

  useEffect(() => {
    document.documentElement.lang = lang;
    if (isLang(fromUrl) && fromUrl !== stored) {
      storeLang(fromUrl);
      setStored(fromUrl);
    }
  }, [lang, fromUrl, stored]);

  const setLang = useCallback(
    (next: Lang) => {
      storeLang(next);
      setStored(next);
      navigate(withLang(href, next), { replace: true });
    },
    [href],
  );
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The language and the function that switches it. */
export function useLangState(): LangContextValue {
  return useContext(LangContext);
}

/** The reader's language. */
export function useLang(): Lang {
  return useContext(LangContext).lang;
}

/** `t` bound to the reader's language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const lang = useLang();
  return useCallback((key: MessageKey, params?: MessageParams) => t(lang, key, params), [lang]);
}

/** Sets the document's title while a screen shows. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · plateau` : 'plateau';
  }, [title]);
}
