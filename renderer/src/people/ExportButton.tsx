import { useState } from 'react';
import { App as AntApp, Button, Checkbox, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type InputOf } from '../api';
import { reportError } from '../ui/apiErrors';
import { saveBase64, XLSX_TYPE } from '../ui/files';

type ExportFilter = Omit<InputOf<'people.persons.export'>, 'fullCitizenId'>;

/** ส่งออก Excel: the list as it is filtered, citizen IDs masked unless asked for; every export is recorded. */
export function ExportButton({ filter }: { filter: ExportFilter }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [fullCitizenId, setFullCitizenId] = useState(false);
  const [busy, setBusy] = useState(false);

  async function exportList() {
    setBusy(true);
    try {
      const file = await call('people.persons.export', { ...filter, fullCitizenId });
      saveBase64(file.fileName, file.contentBase64, XLSX_TYPE);
      message.success(t('peopleExport.done', { count: file.rows }));
      setOpen(false);
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="people-export">
        {t('peopleExport.button')}
      </Button>
      <Modal
        open={open}
        title={t('peopleExport.title')}
        okText={t('peopleExport.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void exportList()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'people-export-confirm' } as ButtonProps}
      >
        <Typography.Paragraph>{t('peopleExport.body')}</Typography.Paragraph>
        <Checkbox checked={fullCitizenId} onChange={(event) => setFullCitizenId(event.target.checked)} data-testid="people-export-full-id">
          {t('peopleExport.fullCitizenId')}
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('peopleExport.recorded')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
