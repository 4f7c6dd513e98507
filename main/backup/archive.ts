// An encrypted backup file: "TDBK1\n", the header's length (4 bytes), a JSON header (scrypt parameters, salt, IV), the
// AES-256-GCM ciphertext of the SQLite file, and the 16-byte tag. Streams both ways, so a large file never sits in
// memory; a decrypted file is used only after its tag has been checked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const MAGIC = Buffer.from('TDBK1\n', 'latin1');
const TAG_BYTES = 16;
const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, length: number, options: crypto.ScryptOptions) => Promise<Buffer>;

interface ArchiveHeader {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
}

/** scrypt at N = 2^15 takes ~0.1 s and 32 MB: slow enough against guessing, quick enough for an office PC. */
const KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

export class WrongPasswordError extends Error {}

export function isEncryptedBackup(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === MAGIC.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

function deriveKey(password: string, header: ArchiveHeader): Promise<Buffer> {
  return scrypt(password, Buffer.from(header.salt, 'base64'), 32, { N: header.N, r: header.r, p: header.p, maxmem: 128 * header.N * header.r * 2 });
}

export async function encryptFile(plainFile: string, target: string, password: string): Promise<void> {
  const header: ArchiveHeader = { kdf: 'scrypt', ...KDF, salt: crypto.randomBytes(16).toString('base64'), iv: crypto.randomBytes(12).toString('base64') };
  const key = await deriveKey(password, header);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const out = fs.createWriteStream(target);
  out.write(Buffer.concat([MAGIC, length, headerBytes]));
  await pipeline(fs.createReadStream(plainFile), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes the plain SQLite file of an encrypted backup; a wrong password or a changed byte throws, leaving no file. */
export async function decryptFile(archive: string, plainFile: string, password: string): Promise<void> {
  const size = fs.statSync(archive).size;
  const fd = fs.openSync(archive, 'r');
  let header: ArchiveHeader;
  let start: number;
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    const lengthBytes = Buffer.alloc(4);
    fs.readSync(fd, lengthBytes, 0, 4, MAGIC.length);
    const headerLength = lengthBytes.readUInt32BE();
    if (headerLength > 4096) throw new WrongPasswordError('broken header');
    const headerBytes = Buffer.alloc(headerLength);
    fs.readSync(fd, headerBytes, 0, headerLength, MAGIC.length + 4);
    header = JSON.parse(headerBytes.toString('utf8')) as ArchiveHeader;
    start = MAGIC.length + 4 + headerLength;
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const key = await deriveKey(password, header);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(tag);
  try {
    await pipeline(fs.createReadStream(archive, { start, end: size - TAG_BYTES - 1 }), decipher, fs.createWriteStream(plainFile));
  } catch {
    fs.rmSync(plainFile, { force: true });
    throw new WrongPasswordError('wrong password or changed file');
  }
}
