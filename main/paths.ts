import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Tambon Desk';
export const DATABASE_FILE_NAME = 'tambon-desk.sqlite';
export const DATA_DIR_ENV = 'TAMBON_DESK_DATA_DIR';

/**
 * The per-user app-data folder, the same one Electron's app.getPath('userData') gives for our productName,
 * so Electron and browser mode open the same file.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER_NAME);
}

/** `--data-dir DIR` (or `--data-dir=DIR`) wins, then the environment variable, then the OS default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = argValue(argv, '--data-dir');
  return path.resolve(flag ?? env[DATA_DIR_ENV] ?? defaultDataDir(env));
}

export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
