import { useState } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { ArrearsReport } from './ArrearsReport';
import { CashBookReport } from './CashBookReport';
import { StatementsReport } from './StatementsReport';

type Report = 'cashBook' | 'arrears' | 'statements';

/** รายงาน: the fund's reports from its books, each on screen and printed with the same figures. */
export function ReportsPanel() {
  const { t } = useTranslation();
  const [report, setReport] = useState<Report>('cashBook');
  return (
    <div data-testid="reports-panel">
      <Segmented
        value={report}
        onChange={(value) => setReport(value as Report)}
        options={[
          { value: 'cashBook', label: t('welfareReports.cashBook.title') },
          { value: 'arrears', label: t('welfareReports.arrears.title') },
          { value: 'statements', label: t('welfareStatements.title') },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="reports-choice"
      />
      {report === 'cashBook' ? <CashBookReport /> : report === 'arrears' ? <ArrearsReport /> : <StatementsReport />}
    </div>
  );
}
