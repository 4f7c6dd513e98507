import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../main/paths';

describe('where the data lives', () => {
  it('uses the per-user app-data folder of each system by default', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\boonmee\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\boonmee\\AppData\\Roaming', 'Tambon Desk'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/boonmee/.config' }, 'linux')).toBe('/home/boonmee/.config/Tambon Desk');
  });

  it('lets a flag override the environment variable, which overrides the default', () => {
    const env = { TAMBON_DESK_DATA_DIR: '/srv/tambon', XDG_CONFIG_HOME: '/home/x/.config' };
    expect(resolveDataDir(['--data-dir', '/data/a'], env)).toBe('/data/a');
    expect(resolveDataDir(['--data-dir=/data/b'], env)).toBe('/data/b');
    expect(resolveDataDir([], env)).toBe('/srv/tambon');
  });
});
