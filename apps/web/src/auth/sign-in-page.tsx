import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { LanguageSwitch } from '../app/language-switch';
import { useSession } from './session-context';
import { SystemStatus } from './system-status';

interface SignInValues {
  username: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useI18n();
  const { signIn, expired } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: SignInValues): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      <Card className="sign-in__card">
        <Typography.Title level={2} className="sign-in__title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="sign-in__subtitle">
          {t('app.subtitle')}
        </Typography.Paragraph>
        {expired && <Alert type="info" showIcon title={t('auth.sessionExpired')} className="block-gap" />}
        <Form<SignInValues> layout="vertical" onFinish={submit} requiredMark={false} data-testid="sign-in-form">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error !== null && (
            <div className="block-gap">
              <ApiErrorAlert error={error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <div className="sign-in__status">
          <SystemStatus />
        </div>
      </Card>
    </div>
  );
}
