// The built app as an office runs it: dist/main/host.cjs (browser mode) in a process of its own on a data folder,
// called over HTTP, its memory read from Linux's /proc while it works. Benchmarks use it for the memory targets,
// which are about the app's process, not the bench's (which also holds tsx, fixtures and baselines).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatMs, megabytes, type BenchRow } from './measure';

export const builtHostFile = path.resolve('dist', 'main', 'host.cjs');

/** Resident memory of another process (Linux /proc), in bytes. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

export type Post = <T>(method: string, input: unknown) => Promise<T>;

/**
 * Starts the built host on `dataDir` (already holding an office whose admin is admin / tambon1234), logs in, and
 * runs `work`, sampling the host's RSS every 10 ms. Returns a row: peak beside idle, and the RSS a second after.
 * Without a build or without /proc, the row says so.
 */
export async function measureInBuiltApp(name: string, dataDir: string, work: (post: Post) => Promise<string>, target: string): Promise<BenchRow> {
  if (!fs.existsSync(builtHostFile) || process.platform !== 'linux') {
    return { name, app: '—', baseline: '—', ratio: '—', note: 'needs `npm run build` and Linux /proc' };
  }
  const child = spawn(process.execPath, [builtHostFile, '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const link = await new Promise<string>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
    });
    const url = new URL(link);
    const token = url.searchParams.get('token')!;
    // the login's session id comes back in a header (browser mode sets no cookie) and goes with every call
    let session = '';
    const post: Post = async <T>(method: string, input: unknown): Promise<T> => {
      const response = await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tambon-token': token, 'x-tambon-session': session }, body: JSON.stringify(input) });
      session = response.headers.get('x-tambon-session') ?? session;
      const result = (await response.json()) as { ok: boolean; value: T; error?: { messageEn: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.messageEn}`);
      return result.value;
    };
    await post('office.auth.login', { username: 'admin', password: 'tambon1234' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = rssOf(child.pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 10);
    const started = performance.now();
    let what: string;
    try {
      what = await work(post);
    } finally {
      clearInterval(sampler);
    }
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = rssOf(child.pid!);
    return { name, app: megabytes(peak), baseline: `${megabytes(idle)} idle`, ratio: '—', note: `${what} in ${formatMs(elapsed)} (built app, no tsx); ${megabytes(after)} one second after; target ${target}` };
  } finally {
    child.kill('SIGTERM');
  }
}
