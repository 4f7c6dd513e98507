import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, InputNumber, Modal, Radio, Select, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type InputOf, type OutputOf } from '../api';
import { useSession } from '../app/store';
import { ImportProgress } from '../imports/ImportProgress';
import { useImportFlow } from '../imports/useImportFlow';
import { showDate, showDateTime } from '../ui/thaiDates';

type Preview = OutputOf<'people.import.preview'>;
type PreviewRow = Preview['rows'][number];
type Summary = OutputOf<'people.import.commit'>;
type Choices = Pick<InputOf<'people.import.preview'>, 'sheet' | 'headerRow' | 'encoding' | 'mapping'>;

const statusColour: Record<PreviewRow['status'], string> = { ready: 'green', existing: 'blue', duplicateInFile: 'orange', error: 'red' };

/**
 * นำเข้าจาก Excel (UX.md "Import"): 1 choose the file → 2 check the sheet, header row and columns → 3 see every row
 * as it will be stored, with the refused ones and why → 4 import the good rows with progress → 5 the summary.
 * Nothing is written before step 4; the rows in error can be downloaded as xlsx to fix and import again.
 */
export function ImportWizard({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const [existing, setExisting] = useState<'skip' | 'update'>('skip');
  const [filter, setFilter] = useState<'all' | 'problems'>('problems');
  const [history, setHistory] = useState<OutputOf<'people.import.history'> | null>(null);
  const flow = useImportFlow<Preview, Summary, Choices>({
    texts: 'peopleImport',
    read: (file, choices, signal) => call('people.import.preview', { fileName: file.name, contentBase64: file.base64, ...choices }, { signal }),
    onRead: (result) => {
      // a clean file shows its rows; a file with problems shows those first
      const { errors, duplicatesInFile, withWarnings, existing: already } = result.counts;
      setFilter(errors + duplicatesInFile + withWarnings + already > 0 ? 'problems' : 'all');
    },
    commit: (checked, signal, onProgress) => call('people.import.commit', { importId: checked.importId, existing }, { signal, onProgress }),
    commitTotal: (checked) => checked.counts.ready,
    onCommitted: onImported,
    errorRows: (checked) => call('people.import.errorRows', { importId: checked.importId }),
    onReset: () => setExisting('skip'),
    onClosed: onClose,
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const { step, file, preview, reading, posting: progress, failure, summary } = flow;

  // The imports done before, so that a file is not brought in twice by mistake (UX.md: "the import listed in history").
  useEffect(() => {
    if (!open || summary) return;
    let current = true;
    call('people.import.history', { limit: 5 })
      .then((rows) => current && setHistory(rows))
      .catch(() => current && setHistory(null));
    return () => {
      current = false;
    };
  }, [open, summary]);

  const text = (message: { th: string; en: string }) => (language === 'en' ? message.en : message.th);

  /** A change of sheet, header row, encoding or one column reads the file again with every choice kept. */
  function choose(change: Choices) {
    if (!preview) return;
    const choices: Choices = { sheet: preview.sheet, headerRow: preview.headerRow, encoding: preview.encoding ?? undefined, mapping: preview.mapping, ...change };
    if (change.sheet !== undefined && change.sheet !== preview.sheet) {
      // another sheet has its own header and columns: guess them afresh
      delete choices.headerRow;
      delete choices.mapping;
    }
    if (change.headerRow !== undefined) delete choices.mapping;
    flow.readAgain(choices);
  }

  const counts = preview?.counts;
  const importable = counts ? counts.ready + (existing === 'update' ? counts.existing : 0) : 0;
  const shownRows = (preview?.rows ?? []).filter((row) => filter === 'all' || row.status !== 'ready' || row.messages.length > 0);
  const columnOptions = [{ value: -1, label: t('peopleImport.noColumn') }, ...(preview?.headings ?? []).map((heading, index) => ({ value: index, label: `${t('peopleImport.column', { number: index + 1 })}: ${heading || '—'}` }))];

  return (
    <Modal open={open} onCancel={flow.close} title={t('peopleImport.title')} width={1180} footer={null} maskClosable={false} destroyOnHidden data-testid="import-wizard">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('peopleImport.stepFile') }, { title: t('peopleImport.stepCheck') }, { title: t('peopleImport.stepImport') }, { title: t('peopleImport.stepDone') }]}
      />
      <Space orientation="vertical" size="middle" style={{ display: 'flex' }}>
        {step === 0 && (
          <>
            <Typography.Paragraph>{t('peopleImport.intro')}</Typography.Paragraph>
            <input ref={fileInput} type="file" accept=".xlsx,.csv,.txt" hidden data-testid="import-file" onChange={flow.takeChosenFile} />
            <Button type="primary" size="large" loading={reading !== null} onClick={() => fileInput.current?.click()}>
              {t('peopleImport.chooseFile')}
            </Button>
            {history && history.length > 0 && (
              <div data-testid="import-history">
                <Typography.Text strong>{t('peopleImport.historyTitle')}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {history.map((entry) => (
                    <li key={entry.id}>
                      {t('peopleImport.historyLine', { at: showDateTime(entry.at), user: entry.user ?? '—', file: entry.fileName, inserted: entry.inserted, updated: entry.updated, refused: entry.errors })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
        {failure && <Alert type="error" showIcon title={failure} role="alert" data-testid="import-failure" />}
        {reading !== null && step > 0 && <Typography.Text>{t('peopleImport.reading')}</Typography.Text>}

        {preview && step === 1 && counts && (
          <>
            <Typography.Text>
              {t('peopleImport.fileLine', { name: file?.name ?? '', sheet: preview.sheet, row: preview.headerRow })}
            </Typography.Text>
            <Flex gap={16} wrap align="center">
              {preview.sheets.length > 1 && (
                <label>
                  {t('peopleImport.sheet')}{' '}
                  <Select value={preview.sheet} style={{ minWidth: 220 }} onChange={(sheet) => choose({ sheet })} options={preview.sheets.map((sheet) => ({ value: sheet.name, label: t('peopleImport.sheetOption', { name: sheet.name, rows: sheet.rowCount }) }))} data-testid="import-sheet" />
                </label>
              )}
              <label>
                {t('peopleImport.headerRow')}{' '}
                <InputNumber min={1} value={preview.headerRow} onChange={(value) => value && choose({ headerRow: value })} data-testid="import-header-row" />
              </label>
              {preview.format === 'csv' && (
                <label>
                  {t('peopleImport.encoding')}{' '}
                  <Select
                    value={preview.encoding ?? 'utf-8'}
                    style={{ minWidth: 260 }}
                    onChange={(encoding) => choose({ encoding })}
                    options={[
                      { value: 'utf-8', label: t('peopleImport.encodingUtf8') },
                      { value: 'windows-874', label: t('peopleImport.encodingThai') },
                      { value: 'utf-16le', label: t('peopleImport.encodingUnicode') },
                    ]}
                  />
                </label>
              )}
            </Flex>
            <details>
              <summary style={{ cursor: 'pointer' }}>{t('peopleImport.mappingTitle')}</summary>
              <Flex gap={12} wrap style={{ marginTop: 12 }} data-testid="import-mapping">
                {preview.fields.map((field) => (
                  <label key={field.key} style={{ display: 'flex', flexDirection: 'column', minWidth: 220 }}>
                    {text(field.label)}
                    <Select
                      value={preview.mapping[field.key] ?? -1}
                      options={columnOptions}
                      onChange={(column: number) => choose({ mapping: { ...preview.mapping, [field.key]: column < 0 ? null : column } })}
                    />
                  </label>
                ))}
              </Flex>
            </details>
            <Flex gap={32} wrap data-testid="import-counts">
              <Statistic title={t('peopleImport.countRows')} value={counts.rows} />
              <Statistic title={t('peopleImport.countReady')} value={counts.ready} styles={{ content: { color: '#237804' } }} />
              <Statistic title={t('peopleImport.countWarnings')} value={counts.withWarnings} />
              <Statistic title={t('peopleImport.countErrors')} value={counts.errors + counts.duplicatesInFile} styles={{ content: { color: counts.errors ? '#a8071a' : undefined } }} />
              <Statistic title={t('peopleImport.countExisting')} value={counts.existing} />
            </Flex>
            {counts.existing > 0 && (
              <Radio.Group value={existing} onChange={(event) => setExisting(event.target.value as 'skip' | 'update')} data-testid="import-existing">
                <Radio value="skip">{t('peopleImport.existingSkip')}</Radio>
                <Radio value="update">{t('peopleImport.existingUpdate')}</Radio>
              </Radio.Group>
            )}
            <Flex gap={12} wrap align="center">
              <Radio.Group value={filter} onChange={(event) => setFilter(event.target.value as 'all' | 'problems')} optionType="button">
                <Radio.Button value="problems">{t('peopleImport.showProblems')}</Radio.Button>
                <Radio.Button value="all">{t('peopleImport.showAll')}</Radio.Button>
              </Radio.Group>
              {counts.errors + counts.duplicatesInFile > 0 && (
                <Button onClick={() => void flow.downloadErrors()} data-testid="import-download-errors">
                  {t('peopleImport.downloadErrors')}
                </Button>
              )}
            </Flex>
            <Table<PreviewRow>
              size="small"
              rowKey="rowNumber"
              dataSource={shownRows}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              tableLayout="fixed"
              locale={{ emptyText: t('peopleImport.noProblems') }}
              data-testid="import-rows"
              columns={[
                { title: t('peopleImport.rowNumber'), dataIndex: 'rowNumber', width: 70 },
                { title: t('peopleImport.status'), dataIndex: 'status', width: 165, render: (status: PreviewRow['status'], row) =>
                  status === 'ready' && row.messages.length > 0 ? <Tag color="gold">{t('peopleImport.statuses.readyWithNotes')}</Tag> : <Tag color={statusColour[status]}>{t(`peopleImport.statuses.${status}`)}</Tag> },
                // Names stay on one line: the browser's Thai line breaking cuts names it does not know ("ศรีสุ|วรรณ์").
                { title: t('peopleImport.name'), key: 'name', width: 240, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.person ? `${row.person.title}${row.person.firstName} ${row.person.lastName}` : '—'}</span> },
                { title: t('peopleImport.citizenId'), key: 'id', width: 170, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.person?.citizenId ?? '—'}</span> },
                { title: t('peopleImport.birthDate'), key: 'birth', width: 110, render: (_, row) => showDate(row.person?.birthDate, 'short') },
                { title: t('peopleImport.messages'), key: 'messages', render: (_, row) => (
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {row.messages.map((message, index) => (
                      <li key={index} style={{ color: message.severity === 'error' ? '#a8071a' : undefined }}>
                        {message.column ? `${message.column}: ` : ''}
                        {text(message)}
                      </li>
                    ))}
                  </ul>
                ) },
              ]}
            />
            <Flex gap={12} justify="flex-end">
              <Button onClick={flow.reset}>{t('peopleImport.otherFile')}</Button>
              <Button type="primary" size="large" disabled={importable === 0 || reading !== null} onClick={() => void flow.commit()} data-testid="import-commit">
                {t('peopleImport.importRows', { count: importable })}
              </Button>
            </Flex>
          </>
        )}

        {progress && (
          <ImportProgress report={progress} label={t('peopleImport.writing', { done: progress.done, total: progress.total })} onCancel={flow.cancel} progressTestId="import-progress" cancelTestId="import-cancel" />
        )}

        {summary && (
          <>
            <Alert type="success" showIcon title={t('peopleImport.doneTitle')} description={t('peopleImport.doneBody', summary)} data-testid="import-summary" />
            <Flex gap={12} justify="flex-end">
              {summary.errors > 0 && (
                <Button onClick={() => void flow.downloadErrors()} data-testid="import-download-errors">
                  {t('peopleImport.downloadErrors')}
                </Button>
              )}
              <Button type="primary" onClick={flow.close}>
                {t('common.close')}
              </Button>
            </Flex>
          </>
        )}
      </Space>
    </Modal>
  );
}
