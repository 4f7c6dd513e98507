import path from 'node:path';

/** An address path as text ("%E0%B8%81" → "ก"), or null when its %-escapes are broken ("/%E0%A4%A"). */
export function decodeAddressPath(addressPath: string): string | null {
  try {
    return decodeURIComponent(addressPath);
  } catch {
    return null;
  }
}

/**
 * The file a decoded address path names inside the renderer folder, or null when it leads out of it ("/../x") or
 * into a sibling folder whose name merely starts with the same letters ("/../renderer-old/x"). Containment is
 * judged by path.relative, not by a string prefix. Pure: the browser-mode host and Electron's app:// handler both
 * ask it before touching the disk.
 */
export function fileInside(rootDir: string, decodedPath: string): string | null {
  if (decodedPath.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${path.sep}${decodedPath.replace(/^[/\\]+/, '')}`);
  const relative = path.relative(root, file);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return file;
}
