import { ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from '../i18n/en';
import { zh, type Messages } from '../i18n/zh';
import { setApiLanguage } from './api';

export type Lang = 'zh' | 'en';
export type MessageKey = keyof Messages;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const CATALOGUES: Record<Lang, Messages> = { zh, en };
const STORAGE_KEY = 'xinzhi.lang';

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key] ?? zh[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked (private mode); Chinese is the default anyway.
  }
  return 'zh';
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function applyLang(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

const CJK_FONTS = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC'";
const LATIN_FONTS = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans'";
// Chinese fonts first in Chinese (full-width punctuation), Latin fonts first in English (narrow quotes and colons).
const FONT: Record<Lang, string> = {
  zh: `${LATIN_FONTS.split(', ').slice(0, 3).join(', ')}, ${CJK_FONTS}, 'Helvetica Neue', Arial, sans-serif`,
  en: `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`,
};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });

  useEffect(() => applyLang(lang), [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but the switch still works for this visit.
    }
    applyLang(next);
    setLangState(next);
  }, []);

  const t = useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh' ? zhCN : enUS}
        button={{ autoInsertSpace: false }}
        theme={{
          algorithm: antdTheme.defaultAlgorithm,
          token: { colorPrimary: '#1d4ed8', colorLink: '#1d4ed8', borderRadius: 6, fontFamily: FONT[lang] },
          components: { Layout: { headerBg: '#ffffff', siderBg: '#001529', headerPadding: '0 16px' } },
        }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export const useT = (): Translate => useI18n().t;
