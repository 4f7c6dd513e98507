import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFailure, errorOutsideForm } from './apiErrors';

export interface ReasonDialogProps {
  title: string;
  okText: string;
  /** what is about to happen, and what is kept */
  children?: ReactNode;
  reasonLabel: string;
  reasonRequired: string;
  placeholder?: string;
  /** the reason's field name in the method's input, so a refusal about it shows under it */
  field: string;
  /** "receipt-void" gives receipt-void-reason and receipt-void-confirm */
  testId: string;
  /** sends the reason; a refusal stays in the dialog */
  submit: (reason: string) => Promise<unknown>;
  onDone: () => Promise<void>;
  onClose: () => void;
}

/**
 * The confirmation of an undo by reversal (a receipt or voucher voided, income voided, a transfer reversed): nothing
 * is deleted, and the reason is required and kept with what it undoes.
 */
export function ReasonDialog({ title, okText, children, reasonLabel, reasonRequired, placeholder, field, testId, submit, onDone, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();

  async function send(values: Record<string, string>) {
    setBusy(true);
    try {
      await submit(values[field]!);
      await onDone();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, [field]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': `${testId}-confirm` }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
    >
      {children}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item name={field} label={reasonLabel} rules={[{ required: true, whitespace: true, message: reasonRequired }]}>
          <Input.TextArea autoFocus rows={2} maxLength={300} placeholder={placeholder} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
