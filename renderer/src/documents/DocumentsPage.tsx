import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Flex, Progress, Radio, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, ApiCallError, type ProgressReport } from '../api';
import { useSession } from '../app/store';
import { useFailure } from '../ui/apiErrors';
import { pdfBlobUrl, type DocumentForm } from './documentsApi';

interface Preview {
  url: string;
  fileName: string;
  pages: number;
  /** how the engine had to lay the document out (a table turned landscape or printed smaller), Thai and English */
  notices: { th: string; en: string }[];
}

/** Documents: choose a form, preview it with sample data (progress, cancel), then print or save the PDF. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = useSession((state) => state.language);
  const [forms, setForms] = useState<DocumentForm[] | null>(null);
  const [listFailure, setListFailure] = useFailure();
  const [showTests, setShowTests] = useState(false);
  const [sampleBatch, setSampleBatch] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressReport | null>(null);
  const [renderFailure, setRenderFailure] = useFailure();
  const [preview, setPreview] = useState<Preview | null>(null);
  const running = useRef<AbortController | null>(null);
  const previewFrame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let current = true;
    call('documents.forms.list', {})
      .then((list) => current && setForms(list))
      .catch((error: unknown) => current && setListFailure(error));
    return () => {
      current = false;
    };
  }, [setListFailure]);

  // leaving the page stops a render in progress and frees the PDF held in memory
  useEffect(() => () => running.current?.abort(), []);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview.url);
  }, [preview]);

  const visibleForms = (forms ?? []).filter((form) => showTests || !form.test);
  const selectedForm = forms?.find((form) => form.id === selectedId);
  const title = (form: DocumentForm) => (language === 'en' ? form.titleEn : form.titleTh);

  async function renderPreview() {
    if (!selectedId) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setRenderFailure(null);
    setPreview(null);
    setProgress({ done: 0, total: 0, unit: 'percent' });
    try {
      const rendered = await call(
        'documents.forms.render',
        { formId: selectedId, useSample: true, sampleBatch: sampleBatch && Boolean(selectedForm?.batchSample) },
        { signal: controller.signal, onProgress: (report) => !controller.signal.aborted && setProgress(report) },
      );
      if (controller.signal.aborted) return;
      setPreview({ url: pdfBlobUrl(rendered.pdfBase64), fileName: rendered.fileName, pages: rendered.pages, notices: rendered.notices });
    } catch (error) {
      if (controller.signal.aborted || (error instanceof ApiCallError && error.data.code === 'CANCELLED')) return;
      setRenderFailure(error);
    } finally {
      if (running.current === controller) {
        running.current = null;
        setProgress(null);
      }
    }
  }

  function cancelRender() {
    running.current?.abort();
    running.current = null;
    setProgress(null);
    message.info(t('documents.cancelled'));
  }

  function print() {
    if (!preview) return;
    try {
      const frameWindow = previewFrame.current?.contentWindow;
      if (!frameWindow) throw new Error('no preview frame');
      frameWindow.focus();
      frameWindow.print();
    } catch {
      // some PDF viewers do not let the page print their frame: the PDF in its own window prints from there
      if (!window.open(preview.url, '_blank')) message.warning(t('documents.popupBlocked'));
    }
  }

  function saveAsPdf() {
    if (!preview) return;
    // an <a download> opens Electron's save dialog, or the browser's download in browser mode
    const link = document.createElement('a');
    link.href = preview.url;
    link.download = preview.fileName;
    document.body.append(link);
    link.click();
    link.remove();
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const progressCount =
    progress && progress.total > 0
      ? progress.unit === 'items'
        ? t('documents.progressDocuments', { done: progress.done, total: progress.total })
        : t('documents.progressPercent', { percent })
      : '';

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('documents.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('documents.intro')}</Typography.Paragraph>
      <Flex gap={24} align="flex-start" wrap>
        <Card
          title={t('documents.formList')}
          style={{ flex: '1 1 320px', maxWidth: 440 }}
          extra={
            <Space size="small">
              <Switch id="show-test-forms" size="small" checked={showTests} onChange={setShowTests} />
              <label htmlFor="show-test-forms">{t('documents.showTests')}</label>
            </Space>
          }
        >
          {listFailure && <Alert type="error" showIcon title={t('documents.loadFailed')} description={listFailure} role="alert" />}
          {!forms && !listFailure && <Spin />}
          {forms && visibleForms.length === 0 && <Empty description={t('documents.empty')} />}
          {visibleForms.length > 0 && (
            <Radio.Group
              value={selectedId}
              onChange={(event) => setSelectedId(event.target.value as string)}
              style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
            >
              {visibleForms.map((form) => (
                <Radio key={form.id} value={form.id} data-testid={`document-form-${form.id}`}>
                  <span>{title(form)}</span>
                  <br />
                  <Typography.Text type="secondary">
                    {form.orientationVaries ? t('documents.orientationVaries') : form.orientation === 'landscape' ? t('documents.landscape') : t('documents.portrait')}
                  </Typography.Text>
                  {form.test && <Tag style={{ marginInlineStart: 8 }}>{t('documents.testBadge')}</Tag>}
                </Radio>
              ))}
            </Radio.Group>
          )}
        </Card>
        <Card style={{ flex: '3 1 520px' }}>
          <Space orientation="vertical" size="middle" style={{ display: 'flex' }}>
            <Space size="middle" wrap>
              <Button
                type="primary"
                size="large"
                disabled={!selectedId || progress !== null}
                onClick={() => void renderPreview()}
                data-testid="document-preview"
              >
                {t('documents.preview')}
              </Button>
              <Button size="large" disabled={!preview} onClick={print} data-testid="document-print">
                {t('documents.print')}
              </Button>
              <Button size="large" disabled={!preview} onClick={saveAsPdf} data-testid="document-save-pdf">
                {t('documents.savePdf')}
              </Button>
              {preview && <Typography.Text type="secondary">{t('documents.pages', { count: preview.pages })}</Typography.Text>}
            </Space>
            {!selectedId && !preview && <Typography.Text type="secondary">{t('documents.chooseFirst')}</Typography.Text>}
            {selectedForm?.batchSample && (
              <Space size="small">
                <Switch id="sample-batch" size="small" checked={sampleBatch} onChange={setSampleBatch} disabled={progress !== null} />
                <label htmlFor="sample-batch">{t('documents.sampleBatch')}</label>
              </Space>
            )}
            {progress && (
              <div role="status" aria-live="polite">
                <Typography.Text>
                  {t('documents.rendering')} {progressCount && <strong data-testid="document-progress-count">{progressCount}</strong>}
                </Typography.Text>
                <Flex gap={16} align="center">
                  <Progress percent={percent} status="active" style={{ flex: 1, marginBottom: 0 }} showInfo={false} data-testid="document-progress" />
                  <Button onClick={cancelRender} data-testid="document-cancel-render">
                    {t('documents.cancelRender')}
                  </Button>
                </Flex>
              </div>
            )}
            {renderFailure && <Alert type="error" showIcon title={renderFailure} role="alert" />}
            {preview && preview.notices.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={t('documents.noticesTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {preview.notices.map((notice) => (
                      <li key={notice.th}>{language === 'en' ? notice.en : notice.th}</li>
                    ))}
                  </ul>
                }
                data-testid="document-notices"
              />
            )}
            {preview && (
              <iframe ref={previewFrame} src={`${preview.url}#navpanes=0&view=FitH`} title={t('documents.previewFrame')} className="print-preview-frame" data-testid="document-preview-frame" />
            )}
          </Space>
        </Card>
      </Flex>
    </>
  );
}
