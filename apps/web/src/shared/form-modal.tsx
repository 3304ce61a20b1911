import { Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from './api-error-alert';

export interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  okText?: ReactNode;
  initialValues?: Partial<Values>;
  /** Does the work; a rejection is shown in the modal, which stays open. */
  onSubmit(values: Values): Promise<unknown>;
  onClose(): void;
  /** Offered when the API answers CONFLICT: reload the record instead of overwriting it. */
  onReload?: () => void;
  width?: number;
  children: ReactNode;
}

/** A form in a modal that shows the API's refusal in place and closes only on success. */
export function FormModal<Values extends object>({ open, title, okText, initialValues, onSubmit, onClose, onReload, width, children }: FormModalProps<Values>) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = (): void => {
    setError(null);
    form.resetFields();
    onClose();
  };
  const submit = async (values: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const reload = onReload
    ? () => {
        onReload();
        close();
      }
    : undefined;

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={busy}
      width={width}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)}>
        {children}
      </Form>
      <ApiErrorAlert error={error} onReload={reload} />
    </Modal>
  );
}
