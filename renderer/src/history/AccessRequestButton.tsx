import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession } from '../app/store';
import { pdfBlobUrl } from '../documents/documentsApi';
import { reportError } from '../ui/apiErrors';
import { saveBase64 } from '../ui/files';
import { canReadHistory } from './access';

/**
 * คำขอเข้าถึงข้อมูลส่วนบุคคล (PDPA): prints everything the office holds about this person, for them to read. Shown to
 * those who read the history (the record lists its log); the print is itself logged.
 */
export function AccessRequestButton({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const role = useSession((state) => state.user?.role);
  const [busy, setBusy] = useState(false);
  if (!role || !canReadHistory(role)) return null;

  async function print() {
    setBusy(true);
    try {
      const printed = await call('history.accessRequestPrint', { personId });
      if (!window.open(pdfBlobUrl(printed.pdfBase64), '_blank')) saveBase64(printed.fileName, printed.pdfBase64, 'application/pdf');
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button size="large" onClick={() => void print()} loading={busy} title={t('history.accessRequestHint')} data-testid="person-access-request">
      {t('history.accessRequest')}
    </Button>
  );
}
