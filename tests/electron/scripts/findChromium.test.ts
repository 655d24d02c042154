// Which browser the end-to-end tests and the benchmark use (scripts/findChromium.mjs): the one a
// user named, else the usual install locations per platform, else the PATH, else Playwright's.
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/findChromium.mjs';

const only = (...files: string[]) => (path: string) => files.includes(path);
const playwrightChrome = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it names a file', () => {
    const exists = only('/opt/my/chrome', '/usr/bin/chromium');
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, platform: 'linux', exists })).toEqual({ path: '/opt/my/chrome', found: 'CHROMIUM_PATH' });
  });

  it('does not fall back to another browser when CHROMIUM_PATH names nothing, and says so', () => {
    const result = findChromium({ env: { CHROMIUM_PATH: '/nonexistent' }, platform: 'linux', exists: only('/usr/bin/chromium') });
    expect(result).toEqual({ path: null, reason: 'CHROMIUM_PATH=/nonexistent is not a file' });
  });

  it('prefers /usr/bin/chromium, then finds Chrome where Linux installs it', () => {
    expect(findChromium({ env: {}, platform: 'linux', exists: only('/usr/bin/chromium', '/usr/bin/google-chrome') }).path).toBe('/usr/bin/chromium');
    expect(findChromium({ env: {}, platform: 'linux', exists: only('/opt/google/chrome/chrome') }).path).toBe('/opt/google/chrome/chrome');
  });

  it('finds Chrome and Chromium where macOS and Windows install them', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ env: {}, platform: 'darwin', exists: only(mac) }).path).toBe(mac);
    const win = findChromium({
      env: { PROGRAMFILES: 'C:\\Program Files' },
      platform: 'win32',
      exists: (path) => /Program Files.Google.Chrome.Application.chrome\.exe$/.test(path),
    });
    expect(win.path).toMatch(/chrome\.exe$/);
  });

  it('looks on the PATH after the usual locations', () => {
    const result = findChromium({ env: { PATH: '/nix/bin:/home/u/bin' }, platform: 'linux', exists: only('/home/u/bin/chromium-browser') });
    expect(result).toEqual({ path: '/home/u/bin/chromium-browser', found: 'PATH' });
  });

  it('uses a Playwright-managed browser only when its file exists', () => {
    const managed = playwrightChrome;
    expect(findChromium({ env: {}, platform: 'linux', exists: only(managed), playwrightPath: () => managed })).toEqual({ path: managed, found: 'Playwright' });
    expect(findChromium({ env: {}, platform: 'linux', exists: only(), playwrightPath: () => managed })).toEqual({ path: null, reason: 'no Chrome or Chromium found' });
    const throwing = () => {
      throw new Error('unsupported platform');
    };
    expect(findChromium({ env: {}, platform: 'linux', exists: only(), playwrightPath: throwing }).path).toBeNull();
  });
});
