import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/locale';

/** 中文 ⇄ English; the label names the language you switch to. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      style={light ? { color: '#fff' } : undefined}
      data-testid="language-switch"
      onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
    >
      {t('app.language')}
    </Button>
  );
}
