// Before the app writes a byte into a data file it makes sure the file is ours and whole (issue 11, fault 3): a
// folder where the file should be, a file this user may not read or write, a PDF or a text file, a SQLite file of
// another program, a damaged or truncated file — each is refused untouched with a Thai message that says what to do.
// The checks read through a read-only connection; only a file that passes is opened for writing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type DataFileProblem =
  | 'NEWER_SCHEMA'
  | 'FOREIGN_SCHEMA'
  | 'NOT_A_FILE'
  | 'NO_ACCESS'
  | 'READ_ONLY'
  | 'NOT_DATABASE'
  | 'DAMAGED'
  | 'FOREIGN_DATABASE'
  | 'NETWORK_SHARE'
  | 'DISK_FULL';

/** Raised when a file cannot be opened safely; `code` lets callers show the right Thai message. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DataFileProblem,
    readonly messageTh: string,
    message: string,
  ) {
    super(message);
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';
/** The SQLite header is 100 bytes and the smallest page 512: anything shorter was cut off. */
const SMALLEST_DATABASE = 512;

const untouched = { th: 'ไฟล์ไม่ถูกแก้ไข', en: 'the file was not changed' };

/** What a file that is not a database seems to be, to name it in the message. */
function kindOf(head: Buffer): { th: string; en: string } {
  const text = head.toString('latin1');
  if (text.startsWith('%PDF')) return { th: 'ไฟล์ PDF', en: 'a PDF file' };
  if (text.startsWith('PK\u0003\u0004')) return { th: 'ไฟล์ Excel/Word หรือไฟล์ ZIP', en: 'an Excel/Word or ZIP file' };
  const printable = [...head].every((byte) => byte === 9 || byte === 10 || byte === 13 || byte >= 32);
  if (printable) return { th: 'ไฟล์ข้อความ', en: 'a text file' };
  return { th: 'ไฟล์ชนิดอื่นที่โปรแกรมไม่รู้จัก', en: 'a file of an unknown kind' };
}

/** The backups in the data folder's backups/, newest first: the refusal names the newest, its page offers them. */
export function backupsBeside(file: string, limit = 10): string[] {
  const dir = path.join(path.dirname(file), 'backups');
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.sqlite'))
      .map((name) => ({ file: path.join(dir, name), at: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .slice(0, limit)
      .map((backup) => backup.file);
  } catch {
    return [];
  }
}

function restoreAdvice(file: string): { th: string; en: string } {
  const backup = backupsBeside(file, 1)[0] ?? null;
  return backup
    ? { th: `กรุณากู้คืนจากไฟล์สำรองล่าสุด (${backup}) หรือเลือกโฟลเดอร์ข้อมูลอื่น`, en: `restore the latest backup (${backup}) or choose another data folder` }
    : { th: 'กรุณากู้คืนจากไฟล์สำรอง หรือเลือกโฟลเดอร์ข้อมูลอื่น (เปิดโปรแกรมด้วย --data-dir)', en: 'restore a backup or choose another data folder (start with --data-dir)' };
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Network file systems lose writes and break SQLite's locking: the live file must be on a local disk. */
const NETWORK_FILE_SYSTEMS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'afs', 'davfs', 'fuse.davfs2', 'ncpfs']);

/** The file-system type of the mount that holds `target`, from /proc/mounts text (Linux); null if unknown. */
export function mountTypeOf(target: string, mounts: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, rawPoint, type] = line.split(' ');
    if (!rawPoint || !type) continue;
    const point = rawPoint.replace(/\\040/g, ' ');
    const inside = point === '/' || target === point || target.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type };
  }
  return best?.type ?? null;
}

/** A Windows UNC path (\\server\share) or a Linux mount of a network file system. */
export function isOnNetworkShare(file: string, platform: NodeJS.Platform = process.platform, mounts?: string): boolean {
  if (platform === 'win32') return /^\\\\(?!\?\\[A-Za-z]:)/.test(file);
  if (platform !== 'linux') return false;
  let text = mounts;
  if (text === undefined) {
    try {
      text = fs.readFileSync('/proc/mounts', 'utf8');
    } catch {
      return false;
    }
  }
  const type = mountTypeOf(path.resolve(file), text);
  return type !== null && NETWORK_FILE_SYSTEMS.has(type);
}

function refuse(code: DataFileProblem, th: string, en: string): never {
  throw new DatabaseOpenError(code, th, en);
}

/**
 * Checks the data folder and file before the app opens it for writing: quick checks of what the file is and who may
 * write it. Returns whether the last run ended uncleanly (a write-ahead log was left behind: the full page check is
 * due) and whether the file is new. Reading every page is checkPages, below.
 */
export function checkDataFile(file: string): { uncleanShutdown: boolean; fresh: boolean } {
  const dir = path.dirname(path.resolve(file));
  if (isOnNetworkShare(file)) {
    refuse(
      'NETWORK_SHARE',
      `ไฟล์ข้อมูล (${file}) อยู่บนโฟลเดอร์ที่แชร์ผ่านเครือข่าย ซึ่งอาจทำให้ข้อมูลสูญหายหรือเสียหายเมื่อเครือข่ายขัดข้อง กรุณาเก็บไฟล์ข้อมูลไว้ในเครื่องนี้ (เปิดโปรแกรมด้วย --data-dir ที่เป็นโฟลเดอร์ในเครื่อง) และใช้โฟลเดอร์เครือข่ายสำหรับไฟล์สำรองเท่านั้น`,
      `The data file ${file} is on a network share, where a network fault can lose or damage data; keep it on this computer (start with --data-dir on a local folder) and use the share for backups only`,
    );
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (errnoOf(error) === 'ENOSPC') refuse('DISK_FULL', `สร้างโฟลเดอร์ข้อมูล ${dir} ไม่ได้ เพราะพื้นที่ดิสก์เต็ม กรุณาลบไฟล์ที่ไม่ใช้แล้วลองใหม่`, `Cannot create the data folder ${dir}: the disk is full`);
    refuse('READ_ONLY', `สร้างโฟลเดอร์ข้อมูล ${dir} ไม่ได้ (ไม่มีสิทธิ์เขียน) กรุณาเลือกโฟลเดอร์ข้อมูลอื่น (เปิดโปรแกรมด้วย --data-dir)`, `Cannot create the data folder ${dir} (no permission to write); choose another data folder (--data-dir)`);
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') refuse('NO_ACCESS', `เปิดไฟล์ข้อมูล ${file} ไม่ได้ (${errnoOf(error) ?? 'error'}) ${untouched.th} กรุณาเลือกโฟลเดอร์ข้อมูลอื่น`, `Cannot open the data file ${file} (${errnoOf(error) ?? 'error'}); ${untouched.en}`);
  }
  if (stat?.isDirectory()) {
    refuse('NOT_A_FILE', `ที่ตำแหน่งของไฟล์ข้อมูล (${file}) เป็นโฟลเดอร์ ไม่ใช่ไฟล์ข้อมูล กรุณาย้ายโฟลเดอร์นั้นออก หรือเลือกโฟลเดอร์ข้อมูลอื่น (เปิดโปรแกรมด้วย --data-dir)`, `There is a folder where the data file ${file} should be; move it away or choose another data folder (--data-dir)`);
  }
  if (stat && !stat.isFile()) refuse('NOT_A_FILE', `${file} ไม่ใช่ไฟล์ธรรมดา กรุณาเลือกโฟลเดอร์ข้อมูลอื่น`, `${file} is not a regular file; choose another data folder`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    refuse('READ_ONLY', `โฟลเดอร์ข้อมูล ${dir} เป็นแบบอ่านอย่างเดียว (ไม่มีสิทธิ์เขียน) โปรแกรมจึงบันทึกข้อมูลไม่ได้ ${untouched.th} กรุณาให้สิทธิ์เขียนโฟลเดอร์นี้ หรือเลือกโฟลเดอร์ข้อมูลอื่น`, `The data folder ${dir} is read-only, so nothing could be saved; ${untouched.en}. Allow writing to it or choose another data folder`);
  }
  if (!stat || stat.size === 0) return { uncleanShutdown: false, fresh: true };

  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(Math.min(stat.size, 100));
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    refuse('NO_ACCESS', `ผู้ใช้เครื่องนี้ไม่มีสิทธิ์อ่านไฟล์ข้อมูล ${file} (อาจเป็นไฟล์ของผู้ใช้คนอื่น) ${untouched.th} กรุณาให้ผู้ดูแลเครื่องให้สิทธิ์ หรือเลือกโฟลเดอร์ข้อมูลอื่น`, `This user may not read the data file ${file} (it may belong to another user); ${untouched.en}`);
  }
  if (!head.toString('latin1').startsWith(SQLITE_HEADER)) {
    const kind = kindOf(head);
    const advice = restoreAdvice(file);
    refuse('NOT_DATABASE', `ไฟล์ ${file} ไม่ใช่ไฟล์ข้อมูลของ Tambon Desk (ดูเหมือนเป็น${kind.th}) ${untouched.th} ${advice.th}`, `${file} is not a Tambon Desk data file (it looks like ${kind.en}); ${untouched.en}; ${advice.en}`);
  }
  if (stat.size < SMALLEST_DATABASE) {
    const advice = restoreAdvice(file);
    refuse('DAMAGED', `ไฟล์ข้อมูล ${file} ถูกตัดขาด (มีเพียง ${stat.size} ไบต์) ${untouched.th} ${advice.th}`, `The data file ${file} is cut off (${stat.size} bytes); ${untouched.en}; ${advice.en}`);
  }
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    refuse('READ_ONLY', `ไฟล์ข้อมูล ${file} เป็นแบบอ่านอย่างเดียว โปรแกรมจึงบันทึกอะไรไม่ได้ ${untouched.th} กรุณาเอาเครื่องหมาย "อ่านอย่างเดียว" ของไฟล์ออก หรือคัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้`, `The data file ${file} is read-only, so nothing could be saved; ${untouched.en}. Clear its read-only mark or copy it to a writable folder`);
  }

  const wal = `${file}-wal`;
  const uncleanShutdown = fs.existsSync(wal) && fs.statSync(wal).size > 0;
  withReadOnlyLook(file, (sqlite) => {
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((row) => row.name);
    if (tables.length > 0 && !tables.includes('__drizzle_migrations')) {
      const shown = tables.slice(0, 5).join(', ');
      refuse(
        'FOREIGN_DATABASE',
        `ไฟล์ ${file} เป็นฐานข้อมูลของโปรแกรมอื่น (มีตาราง ${shown}) ไม่ใช่ไฟล์ข้อมูลของ Tambon Desk โปรแกรมจึงไม่เปิดและไม่แก้ไขไฟล์นี้ กรุณาเลือกโฟลเดอร์ข้อมูลอื่น (เปิดโปรแกรมด้วย --data-dir)`,
        `${file} is another program's database (tables ${shown}), not a Tambon Desk data file; it was neither opened for writing nor changed. Choose another data folder (--data-dir)`,
      );
    }
  });
  return { uncleanShutdown, fresh: false };
}

/**
 * Reads a file through a read-only connection. A read-only look at a WAL file still leaves an empty -wal and -shm
 * beside it; those it made are taken away again. Any SQLite error (not a database, malformed) means damaged.
 */
function withReadOnlyLook<T>(file: string, look: (sqlite: Database.Database) => T): T {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((side) => !fs.existsSync(side));
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    return look(sqlite);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw damaged(file, String((error as Error).message ?? error));
  } finally {
    sqlite?.close();
    for (const side of sideFiles) fs.rmSync(side, { force: true });
  }
}

export function damaged(file: string, detail: string): DatabaseOpenError {
  const advice = restoreAdvice(file);
  return new DatabaseOpenError('DAMAGED', `ไฟล์ข้อมูล ${file} เสียหาย (ตรวจพบเมื่อเปิดโปรแกรม) โปรแกรมจะไม่บันทึกอะไรลงไฟล์นี้ ${advice.th}`, `The data file ${file} is damaged (${detail}); nothing will be written to it; ${advice.en}`);
}

/**
 * Reads every page: quick_check (pages, records, free list; it skips matching indexes to tables) on every start, the
 * full integrity_check after an unclean shutdown. Returns the refusal to raise, or null for a sound file. It takes
 * about a second per 150 MB, so the app runs it beside its start (main/integrity.ts) and holds writes until it is done.
 */
export function checkPages(file: string, full: boolean): DatabaseOpenError | null {
  try {
    return withReadOnlyLook(file, (sqlite) => {
      const rows = sqlite.pragma(full ? 'integrity_check(20)' : 'quick_check(20)') as Record<string, string>[];
      const problems = rows.map((row) => Object.values(row)[0]).filter((value) => value !== 'ok');
      return problems.length > 0 ? damaged(file, problems.join('; ')) : null;
    });
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
}
