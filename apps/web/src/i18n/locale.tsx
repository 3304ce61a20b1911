import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, format, labelKey, type LabelGroup, type Locale, type MessageKey } from './messages';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The label of an API enum value, e.g. label('findingStatus', 'VERIFIED'). */
  label(group: LabelGroup, value: string | null | undefined): string;
}

const STORAGE_KEY = 'zeren.locale';

function initialLocale(): Locale {
  return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void = () => undefined): I18n {
  const catalogue = CATALOGUES[locale];
  const t: I18n['t'] = (key, params) => format(catalogue[key], params);
  return {
    locale,
    setLocale,
    t,
    label: (group, value) => {
      if (!value) return '';
      const key = labelKey(group, value);
      return key ? t(key) : value;
    },
  };
}

const I18nContext = createContext<I18n>(createI18n('zh-CN'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Chinese first; the choice is remembered on this device. Ant Design and dayjs follow it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  const i18n = useMemo(() => createI18n(locale, setLocale), [locale, setLocale]);
  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
