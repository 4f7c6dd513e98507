import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Flex, InputNumber, Modal, Progress, Radio, Select, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, type InputOf, type OutputOf, type ProgressReport } from '../api';
import { useSession } from '../app/store';
import { reportError } from '../ui/apiErrors';
import { readFileAsBase64, saveBase64, XLSX_TYPE } from '../ui/files';
import { showDate, showDateTime } from '../ui/thaiDates';

type Preview = OutputOf<'people.import.preview'>;
type PreviewRow = Preview['rows'][number];
type Summary = OutputOf<'people.import.commit'>;
type Choices = Pick<InputOf<'people.import.preview'>, 'sheet' | 'headerRow' | 'encoding' | 'mapping'>;

/** The largest file the core takes (main/spreadsheets/read.ts MAX_FILE_BYTES): said before the upload, not after. */
const MAX_FILE_BYTES = 15 * 1024 * 1024;

const statusColour: Record<PreviewRow['status'], string> = { ready: 'green', existing: 'blue', duplicateInFile: 'orange', error: 'red' };

/**
 * นำเข้าจาก Excel (UX.md "Import"): 1 choose the file → 2 check the sheet, header row and columns → 3 see every row
 * as it will be stored, with the refused ones and why → 4 import the good rows with progress → 5 the summary.
 * Nothing is written before step 4; the rows in error can be downloaded as xlsx to fix and import again.
 */
export function ImportWizard({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const language = useSession((state) => state.language);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [existing, setExisting] = useState<'skip' | 'update'>('skip');
  const [filter, setFilter] = useState<'all' | 'problems'>('problems');
  const [progress, setProgress] = useState<ProgressReport | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const running = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [history, setHistory] = useState<OutputOf<'people.import.history'> | null>(null);

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

  const step = summary ? 3 : progress ? 2 : preview ? 1 : 0;
  const text = (message: { th: string; en: string }) => (language === 'en' ? message.en : message.th);

  function reset() {
    running.current?.abort();
    setFile(null);
    setPreview(null);
    setFailure(null);
    setSummary(null);
    setProgress(null);
    setExisting('skip');
  }

  async function runPreview(chosen: { name: string; base64: string }, choices: Choices = {}) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setReading(true);
    setFailure(null);
    try {
      const result = await call('people.import.preview', { fileName: chosen.name, contentBase64: chosen.base64, ...choices }, { signal: controller.signal });
      if (!controller.signal.aborted) {
        setPreview(result);
        // a clean file shows its rows; a file with problems shows those first
        const { errors, duplicatesInFile, withWarnings, existing: already } = result.counts;
        setFilter(errors + duplicatesInFile + withWarnings + already > 0 ? 'problems' : 'all');
      }
    } catch (error) {
      if (!controller.signal.aborted) setFailure(reportError(error));
    } finally {
      if (running.current === controller) running.current = null;
      setReading(false);
    }
  }

  async function chooseFile(chosen: File | undefined) {
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFailure(t('peopleImport.tooLarge', { name: chosen.name, size: (chosen.size / 1024 / 1024).toFixed(1) }));
      return;
    }
    const loaded = { name: chosen.name, base64: await readFileAsBase64(chosen) };
    setFile(loaded);
    setPreview(null);
    await runPreview(loaded);
  }

  /** A change of sheet, header row, encoding or one column reads the file again with every choice kept. */
  function choose(change: Choices) {
    if (!file || !preview) return;
    const choices: Choices = { sheet: preview.sheet, headerRow: preview.headerRow, encoding: preview.encoding ?? undefined, mapping: preview.mapping, ...change };
    if (change.sheet !== undefined && change.sheet !== preview.sheet) {
      // another sheet has its own header and columns: guess them afresh
      delete choices.headerRow;
      delete choices.mapping;
    }
    if (change.headerRow !== undefined) delete choices.mapping;
    void runPreview(file, choices);
  }

  async function commit() {
    if (!preview) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress({ done: 0, total: preview.counts.ready, unit: 'items' });
    setFailure(null);
    try {
      const result = await call('people.import.commit', { importId: preview.importId, existing }, { signal: controller.signal, onProgress: (report) => !controller.signal.aborted && setProgress(report) });
      setSummary(result);
      onImported();
    } catch (error) {
      if (error instanceof ApiCallError && error.data.code === 'CANCELLED') setFailure(t('peopleImport.cancelled'));
      else if (!controller.signal.aborted) setFailure(reportError(error));
      else setFailure(t('peopleImport.cancelled'));
    } finally {
      running.current = null;
      setProgress(null);
    }
  }

  async function downloadErrors() {
    if (!preview) return;
    try {
      const download = await call('people.import.errorRows', { importId: preview.importId });
      saveBase64(download.fileName, download.contentBase64, XLSX_TYPE);
    } catch (error) {
      setFailure(reportError(error));
    }
  }

  function close() {
    if (progress) return; // the import is writing: cancel first
    if (preview && !summary) {
      modal.confirm({
        title: t('peopleImport.closeConfirmTitle'),
        content: t('peopleImport.closeConfirmBody'),
        okText: t('peopleImport.closeWithoutImport'),
        cancelText: t('peopleImport.keepGoing'),
        onOk: () => {
          reset();
          onClose();
        },
      });
      return;
    }
    reset();
    onClose();
  }

  const counts = preview?.counts;
  const importable = counts ? counts.ready + (existing === 'update' ? counts.existing : 0) : 0;
  const shownRows = (preview?.rows ?? []).filter((row) => filter === 'all' || row.status !== 'ready' || row.messages.length > 0);
  const columnOptions = [{ value: -1, label: t('peopleImport.noColumn') }, ...(preview?.headings ?? []).map((heading, index) => ({ value: index, label: `${t('peopleImport.column', { number: index + 1 })}: ${heading || '—'}` }))];
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Modal open={open} onCancel={close} title={t('peopleImport.title')} width={1180} footer={null} maskClosable={false} destroyOnHidden data-testid="import-wizard">
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
            <input ref={fileInput} type="file" accept=".xlsx,.csv,.txt" hidden data-testid="import-file" onChange={(event) => {
                // emptied, so that choosing the same file again (after fixing it in Excel) reads it again
                const chosen = event.target.files?.[0];
                event.target.value = '';
                void chooseFile(chosen);
              }} />
            <Button type="primary" size="large" loading={reading} onClick={() => fileInput.current?.click()}>
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
        {reading && step > 0 && <Typography.Text>{t('peopleImport.reading')}</Typography.Text>}

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
                <Button onClick={() => void downloadErrors()} data-testid="import-download-errors">
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
              <Button onClick={reset}>{t('peopleImport.otherFile')}</Button>
              <Button type="primary" size="large" disabled={importable === 0 || reading} onClick={() => void commit()} data-testid="import-commit">
                {t('peopleImport.importRows', { count: importable })}
              </Button>
            </Flex>
          </>
        )}

        {progress && (
          <div role="status" aria-live="polite">
            <Typography.Text>{t('peopleImport.writing', { done: progress.done, total: progress.total })}</Typography.Text>
            <Flex gap={16} align="center">
              <Progress percent={percent} status="active" style={{ flex: 1, marginBottom: 0 }} data-testid="import-progress" />
              <Button onClick={() => running.current?.abort()} data-testid="import-cancel">
                {t('common.cancel')}
              </Button>
            </Flex>
          </div>
        )}

        {summary && (
          <>
            <Alert type="success" showIcon title={t('peopleImport.doneTitle')} description={t('peopleImport.doneBody', summary)} data-testid="import-summary" />
            <Flex gap={12} justify="flex-end">
              {summary.errors > 0 && (
                <Button onClick={() => void downloadErrors()} data-testid="import-download-errors">
                  {t('peopleImport.downloadErrors')}
                </Button>
              )}
              <Button type="primary" onClick={close}>
                {t('common.close')}
              </Button>
            </Flex>
          </>
        )}
      </Space>
    </Modal>
  );
}
