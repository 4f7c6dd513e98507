import { Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '../api';

/** An import's reading or writing under way: what it does, how far it is, and Cancel. */
export function ImportProgress({ report, label, onCancel, progressTestId, cancelTestId }: { report: ProgressReport; label: string; onCancel: () => void; progressTestId: string; cancelTestId?: string }) {
  const { t } = useTranslation();
  const percent = report.total > 0 ? Math.round((report.done / report.total) * 100) : 0;
  return (
    <div role="status" aria-live="polite">
      <Typography.Text>{label}</Typography.Text>
      <Flex gap={16} align="center">
        <Progress percent={percent} status="active" style={{ flex: 1, marginBottom: 0 }} data-testid={progressTestId} />
        <Button onClick={onCancel} data-testid={cancelTestId}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </div>
  );
}
