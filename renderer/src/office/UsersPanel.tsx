import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Modal, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../api';
import { reportError, showErrorInForm } from '../ui/apiErrors';
import { enterMovesToNextField } from '../ui/keyboard';
import { NewUserFields, type NewUserFormValues } from './NewUserFields';

type UserRow = OutputOf<'office.users.list'>[number];

const newUserFields = ['displayName', 'username', 'password', 'role'];

/** The users of this office (admin only): who they are, their role, and adding one. */
export function UsersPanel() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    call('office.users.list', {})
      .then((list) => {
        setUsers(list);
        setFailure(null);
      })
      .catch((error: unknown) => setFailure(reportError(error)));
  }, []);
  useEffect(load, [load]);

  return (
    <Card
      title={t('settings.usersSection')}
      extra={
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('settings.addUser')}
        </Button>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Table<UserRow>
        rowKey="id"
        loading={users === null && !failure}
        dataSource={users ?? []}
        pagination={false}
        locale={{ emptyText: t('settings.noUsers') }}
        columns={[
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.username'), dataIndex: 'username' },
          { title: t('user.role'), dataIndex: 'role', render: (role: UserRow['role']) => t(`roles.${role}`) },
          {
            title: t('user.status'),
            dataIndex: 'active',
            render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{active ? t('user.active') : t('user.inactive')}</Tag>,
          },
        ]}
      />
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          load();
        }}
      />
    </Card>
  );
}

function AddUserDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NewUserFormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function add() {
    let values: NewUserFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const user = await call('office.users.create', {
        displayName: values.displayName,
        username: values.username,
        password: values.password,
        role: values.role,
      });
      message.success(t('settings.userAdded', { name: user.displayName }));
      form.resetFields();
      onAdded();
    } catch (error) {
      setFailure(showErrorInForm(form, error, newUserFields));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('settings.addUserTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void add()}
      onCancel={() => {
        form.resetFields();
        setFailure(null);
        onClose();
      }}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'add-user-save' }}
      forceRender
    >
      <Form form={form} name="newUser" layout="vertical" style={{ marginTop: 16 }} requiredMark={false} initialValues={{ role: 'secretary' }} onKeyDown={enterMovesToNextField(() => void add())}>
        <NewUserFields prefix={[]} withRole />
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}
