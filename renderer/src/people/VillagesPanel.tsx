import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField } from '../ui/keyboard';
import type { Village } from './peopleFormat';
import { useCanEditRegister } from './permissions';
import { useVillages } from './villagesStore';

interface VillageFormValues {
  number: number | null;
  name: string;
}
const villageFields = ['number', 'name'];

/** Settings: the tambon's villages — add, rename, reorder, and delete one nobody lives in. */
export function VillagesPanel() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const canEdit = useCanEditRegister();
  const villages = useVillages((state) => state.villages);
  const loadFailure = useVillages((state) => state.failure);
  const reload = useVillages((state) => state.reload);
  const [failure, setFailure] = useFailure();
  const [editing, setEditing] = useState<Village | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => void reload(), [reload]);

  async function move(village: Village, step: -1 | 1) {
    if (!villages || busy) return;
    const ids = villages.map((v) => v.id);
    const from = ids.indexOf(village.id);
    const to = from + step;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    setBusy(true);
    setFailure(null);
    try {
      await call('people.villages.reorder', { ids });
      await reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function confirmDelete(village: Village) {
    setFailure(null);
    modal.confirm({
      title: t('people.villages.deleteTitle', village),
      content: t('people.villages.deleteBody'),
      okText: t('people.villages.delete'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'village-delete-confirm' },
      onOk: async () => {
        try {
          await call('people.villages.delete', { id: village.id });
          message.success(t('people.villages.deleted', village));
        } catch (error) {
          // the core refuses a village people live in, and says how many
          setFailure(error);
        }
        await reload();
      },
    });
  }

  return (
    <Card
      title={t('people.villages.section')}
      extra={
        canEdit && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="village-add">
            {t('people.villages.add')}
          </Button>
        )
      }
      data-testid="villages-panel"
    >
      <Typography.Paragraph type="secondary">{canEdit ? t('people.villages.intro') : t('people.villages.readOnly')}</Typography.Paragraph>
      {(failure ?? loadFailure) && <Alert type="error" showIcon title={failure ?? loadFailure} role="alert" style={{ marginBottom: 16 }} data-testid="villages-failure" />}
      <Table<Village>
        rowKey="id"
        loading={villages === null && !loadFailure}
        dataSource={villages ?? []}
        pagination={false}
        locale={{ emptyText: t('people.villages.empty') }}
        columns={[
          { title: t('people.villages.number'), dataIndex: 'number', width: 110, align: 'right' },
          { title: t('people.villages.name'), dataIndex: 'name' },
          { title: t('people.villages.people'), dataIndex: 'peopleCount', width: 130, align: 'right', render: (count: number) => t('people.villages.peopleCount', { n: count.toLocaleString() }) },
          ...(canEdit
            ? [
                {
                  title: t('people.villages.actions'),
                  key: 'actions',
                  width: 360,
                  render: (_: unknown, village: Village, index: number) => (
                    <Space wrap size="small">
                      <Button size="small" onClick={() => setEditing(village)} data-testid={`village-rename-${village.number}`}>
                        {t('people.villages.rename')}
                      </Button>
                      <Button size="small" disabled={busy || index === 0} onClick={() => void move(village, -1)} aria-label={`${t('people.villages.moveUp')} ${t('people.villageLabel', village)}`}>
                        {t('people.villages.moveUp')}
                      </Button>
                      <Button
                        size="small"
                        disabled={busy || index === (villages?.length ?? 0) - 1}
                        onClick={() => void move(village, 1)}
                        aria-label={`${t('people.villages.moveDown')} ${t('people.villageLabel', village)}`}
                      >
                        {t('people.villages.moveDown')}
                      </Button>
                      <Button size="small" danger onClick={() => confirmDelete(village)} data-testid={`village-delete-${village.number}`}>
                        {t('people.villages.delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <VillageDialog
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        village={editing}
        onClose={() => setEditing(null)}
        onSaved={async () => {
          setEditing(null);
          await reload();
        }}
      />
    </Card>
  );
}

function VillageDialog({ village, onClose, onSaved }: { village: Village | 'new' | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<VillageFormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useFailure();

  async function save() {
    if (saving || village === null) return;
    let values: VillageFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setFailure(null);
    const input = { number: values.number ?? 0, name: values.name };
    try {
      if (village === 'new') {
        await call('people.villages.create', input);
        message.success(t('people.villages.added', input));
      } else {
        await call('people.villages.update', { ...input, id: village.id });
        message.success(t('people.villages.saved'));
      }
      await onSaved();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, villageFields));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={village !== null}
      title={village === 'new' || village === null ? t('people.villages.add') : t('people.villages.renameTitle', village)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'village-save' }}
      forceRender
    >
      <Form
        form={form}
        name="village"
        initialValues={village === null || village === 'new' ? { number: null, name: '' } : { number: village.number, name: village.name }}
        layout="vertical" requiredMark={false} style={{ marginTop: 16 }} onKeyDown={enterMovesToNextField(() => void save())}>
        <Form.Item label={t('people.villages.number')} name="number" rules={[{ required: true, message: t('people.villages.required.number') }]}>
          <InputNumber min={1} max={999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('people.villages.name')} name="name" rules={[{ required: true, whitespace: true, message: t('people.villages.required.name') }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}
