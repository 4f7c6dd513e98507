import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../api';
import { useSession } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField } from '../ui/keyboard';
import { NewUserFields, type NewUserFormValues } from './NewUserFields';
import { NewPasswordFields } from './PasswordChange';

type UserRow = OutputOf<'office.users.list'>[number];

const newUserFields = ['displayName', 'username', 'password', 'role'];

/**
 * The users of this office: who they are and their role. The administrator adds users and sets a temporary password
 * for one who forgot theirs; the auditor sees the list only.
 */
export function UsersPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [failure, setFailure] = useFailure();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const myId = useSession((state) => state.user?.id);

  const load = useCallback(() => {
    call('office.users.list', {})
      .then((list) => {
        setUsers(list);
        setFailure(null);
      })
      .catch((error: unknown) => setFailure(error));
  }, [setFailure]);
  useEffect(load, [load]);

  return (
    <Card
      title={t('settings.usersSection')}
      extra={
        editable && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('settings.addUser')}
          </Button>
        )
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
            render: (active: boolean, row) => (
              <Space size={4} wrap>
                <Tag color={active ? 'green' : 'default'}>{active ? t('user.active') : t('user.inactive')}</Tag>
                {row.mustChangePassword && <Tag color="orange">{t('access.mustChange')}</Tag>}
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, row: UserRow) =>
                    row.id !== myId && (
                      <Button onClick={() => setResetting(row)} data-testid={`reset-password-${row.username}`}>
                        {t('access.resetPassword')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          load();
        }}
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
  const [failure, setFailure] = useFailure();

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
      setFailure(errorOutsideForm(form, error, newUserFields));
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

/** A temporary password for someone who forgot theirs; they must choose their own at the next login. */
function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirmNewPassword: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useFailure();

  async function reset() {
    if (!user) return;
    let values: { newPassword: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await call('office.users.resetPassword', { userId: user.id, newPassword: values.newPassword });
      message.success(t('access.resetDone', { name: user.displayName }));
      form.resetFields();
      onDone();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, ['newPassword']));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={user !== null}
      title={user && t('access.resetTitle', { name: user.displayName })}
      okText={t('access.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => void reset()}
      onCancel={() => {
        form.resetFields();
        setFailure(null);
        onClose();
      }}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'reset-password-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph>{user && t('access.resetIntro', { name: user.displayName })}</Typography.Paragraph>
      <Form form={form} name="resetPassword" layout="vertical" requiredMark={false} onKeyDown={enterMovesToNextField(() => void reset())}>
        <NewPasswordFields username={user?.username ?? ''} withCurrent={false} />
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}
