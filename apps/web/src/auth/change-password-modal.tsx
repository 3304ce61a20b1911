import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Modal } from 'antd';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { ChangePasswordMutation } from './auth.documents';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [changePassword, { loading, error, reset }] = useMutation(ChangePasswordMutation);

  const close = (): void => {
    form.resetFields();
    reset();
    onClose();
  };
  const submit = async (values: ChangePasswordValues): Promise<void> => {
    await changePassword({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } } });
    void message.success(t('auth.passwordChanged'));
    close();
  };

  return (
    <Modal open={open} title={t('auth.changePassword')} onCancel={close} onOk={() => form.submit()} confirmLoading={loading} destroyOnHidden>
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={(values) => submit(values).catch(() => undefined)}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordHint')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ApiErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
