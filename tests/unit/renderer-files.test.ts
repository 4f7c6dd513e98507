import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAddressPath, fileInside } from '../../main/host/renderer-files';

// Electron's app:// handler and browser mode serve the renderer folder through these two functions (issue 11, fault 5).
const root = path.resolve('/opt/Tambon Desk/resources/app.asar/dist/renderer');

describe('renderer files: what an address may reach', () => {
  it('finds files inside the renderer folder, Thai names included', () => {
    expect(fileInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(fileInside(root, '/assets/index-3f2a.js')).toBe(path.join(root, 'assets', 'index-3f2a.js'));
    expect(fileInside(root, decodeAddressPath('/assets/%E0%B8%A0%E0%B8%B2%E0%B8%9E.png')!)).toBe(path.join(root, 'assets', 'ภาพ.png'));
    expect(fileInside(root, '/..hidden-but-inside.js')).toBe(path.join(root, '..hidden-but-inside.js'));
    expect(fileInside(root, '//index.html')).toBe(path.join(root, 'index.html'));
  });

  it('refuses a sibling folder whose name starts with "renderer" (the old startsWith check let it through)', () => {
    const sibling = '/../renderer-old/secret.txt';
    expect(path.join(root, sibling).startsWith(root)).toBe(true); // what the old check saw
    expect(fileInside(root, sibling)).toBeNull();
    expect(fileInside(root, '/../renderer2/x.js')).toBeNull();
  });

  it('refuses every way out of the folder', () => {
    for (const address of ['/../main/electron.cjs', '/../../../../etc/passwd', '/assets/../../x', '/..', decodeAddressPath('/..%2F..%2Fx')!, '/a\0.html']) {
      expect(fileInside(root, address), address).toBeNull();
    }
  });

  it('says when an address cannot be decoded instead of throwing', () => {
    expect(decodeAddressPath('/%E0%A4%A')).toBeNull();
    expect(decodeAddressPath('/100%')).toBeNull();
    expect(decodeAddressPath('/%E0%B8%81')).toBe('/ก');
  });
});
