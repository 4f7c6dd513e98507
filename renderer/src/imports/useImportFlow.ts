import { useRef, useState, type ChangeEvent } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, type ProgressReport } from '../api';
import type { Messages } from '../i18n/messages';
import { useFailure } from '../ui/apiErrors';
import { readFileAsBase64, saveBase64, XLSX_TYPE } from '../ui/files';

/** The largest file the core takes (main/spreadsheets/read.ts MAX_FILE_BYTES): said before the upload, not after. */
const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** A chosen spreadsheet, as the core takes it. */
export interface ChosenFile {
  name: string;
  base64: string;
}

interface ImportTexts {
  tooLarge: string;
  cancelled: string;
  closeConfirmTitle: string;
  closeConfirmBody: string;
  closeWithoutImport: string;
  keepGoing: string;
}
/** A translation section that words the texts every import wizard has (peopleImport, welfareHistoryImport). */
type ImportTextSection = { [Section in keyof Messages]: Messages[Section] extends ImportTexts ? Section : never }[keyof Messages];

type OnProgress = (report: ProgressReport) => void;

export interface ImportFlowOptions<Preview extends { importId: string }, Summary, Choices> {
  /** where the wizard's own wording of the shared texts is (too large, cancelled, close without importing) */
  texts: ImportTextSection;
  /** Reads the file into a preview (nothing is written): first with the core's guesses, then with the choices made on the check step. */
  read: (file: ChosenFile, choices: Choices | undefined, signal: AbortSignal, onProgress: OnProgress) => Promise<Preview>;
  /** how many steps the core reports while reading, before its first report */
  readSteps?: number;
  /** true where the reading can be cancelled: a stopped read then says "cancelled"; otherwise a read replaced by another says nothing */
  sayReadStopped?: boolean;
  /** why the file cannot be read yet (a choice the wizard needs first), or null */
  cannotRead?: () => string | null;
  /** the preview has come */
  onRead?: (preview: Preview) => void;
  /** Writes the checked rows, reporting its progress. */
  commit: (preview: Preview, signal: AbortSignal, onProgress: OnProgress) => Promise<Summary>;
  /** the progress bar's total before the core's first report */
  commitTotal: (preview: Preview) => number;
  /** the rows are written */
  onCommitted?: (summary: Summary) => void;
  /** The refused rows as an xlsx, to fix and import again. */
  errorRows: (preview: Preview) => Promise<{ fileName: string; contentBase64: string }>;
  /** the wizard's own choices go back to their start with everything else */
  onReset?: () => void;
  /** the wizard has been closed (with the summary when the rows were written) */
  onClosed: (summary: Summary | null) => void;
}

/**
 * What every spreadsheet import wizard does the same way: choose a file (read as base64), read it into a preview
 * (again on every change of a choice, the earlier read stopped), write it with a progress bar that can be cancelled,
 * download the refused rows, say what went wrong, and ask before closing away a checked file that was not imported.
 * Step: 0 choose the file → 1 check → 2 writing → 3 done.
 */
export function useImportFlow<Preview extends { importId: string }, Summary, Choices = never>(options: ImportFlowOptions<Preview, Summary, Choices>) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState<ProgressReport | null>(null);
  const [posting, setPosting] = useState<ProgressReport | null>(null);
  const [failure, setFailure] = useFailure();
  const [summary, setSummary] = useState<Summary | null>(null);
  const running = useRef<AbortController | null>(null);
  const step = summary ? 3 : posting ? 2 : preview ? 1 : 0;
  const { texts } = options;

  /** A stopped call (Cancel, or the core's CANCELLED) says so; anything else says what went wrong. */
  const failed = (error: unknown, controller: AbortController) =>
    setFailure(controller.signal.aborted || (error instanceof ApiCallError && error.data.code === 'CANCELLED') ? () => t(`${texts}.cancelled`) : error);

  function reset() {
    running.current?.abort();
    setFile(null);
    setPreview(null);
    setFailure(null);
    setSummary(null);
    setPosting(null);
    setReading(null);
    options.onReset?.();
  }

  async function runPreview(chosen: ChosenFile, choices?: Choices) {
    const refusal = options.cannotRead?.() ?? null;
    if (refusal) {
      setFailure(refusal);
      return;
    }
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setReading({ done: 0, total: options.readSteps ?? 1, unit: 'items' });
    setFailure(null);
    try {
      const result = await options.read(chosen, choices, controller.signal, (report) => !controller.signal.aborted && setReading(report));
      if (!controller.signal.aborted) {
        setPreview(result);
        options.onRead?.(result);
      }
    } catch (error) {
      if (options.sayReadStopped || !controller.signal.aborted) failed(error, controller);
    } finally {
      if (running.current === controller) running.current = null;
      setReading(null);
    }
  }

  async function chooseFile(chosen: File | undefined) {
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFailure(() => t(`${texts}.tooLarge`, { name: chosen.name, size: (chosen.size / 1024 / 1024).toFixed(1) }));
      return;
    }
    const loaded = { name: chosen.name, base64: await readFileAsBase64(chosen) };
    setFile(loaded);
    setPreview(null);
    await runPreview(loaded);
  }

  /** The onChange of the wizard's hidden <input type="file">. */
  function takeChosenFile(event: ChangeEvent<HTMLInputElement>) {
    // emptied, so that choosing the same file again (after fixing it in Excel) reads it again
    const chosen = event.target.files?.[0];
    event.target.value = '';
    void chooseFile(chosen);
  }

  /** Reads the chosen file again with the check step's choices. */
  function readAgain(choices: Choices) {
    if (file) void runPreview(file, choices);
  }

  async function commit() {
    if (!preview) return;
    const controller = new AbortController();
    running.current = controller;
    setPosting({ done: 0, total: options.commitTotal(preview), unit: 'items' });
    setFailure(null);
    try {
      const result = await options.commit(preview, controller.signal, (report) => !controller.signal.aborted && setPosting(report));
      setSummary(result);
      options.onCommitted?.(result);
    } catch (error) {
      failed(error, controller);
    } finally {
      running.current = null;
      setPosting(null);
    }
  }

  async function downloadErrors() {
    if (!preview) return;
    try {
      const download = await options.errorRows(preview);
      saveBase64(download.fileName, download.contentBase64, XLSX_TYPE);
    } catch (error) {
      setFailure(error);
    }
  }

  function close() {
    if (posting) return; // writing: cancel first
    const leave = () => {
      const done = summary;
      reset();
      options.onClosed(done);
    };
    // a checked file not yet imported: closing throws the check away, so ask first
    if (preview && !summary) {
      modal.confirm({ title: t(`${texts}.closeConfirmTitle`), content: t(`${texts}.closeConfirmBody`), okText: t(`${texts}.closeWithoutImport`), cancelText: t(`${texts}.keepGoing`), onOk: leave });
      return;
    }
    leave();
  }

  return {
    step,
    file,
    preview,
    reading,
    posting,
    failure,
    summary,
    takeChosenFile,
    readAgain,
    commit,
    /** stops the read or the writing under way */
    cancel: () => running.current?.abort(),
    downloadErrors,
    reset,
    close,
  };
}
