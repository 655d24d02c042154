import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/main/appProtocol';

const rendererDir = '/opt/Marginalia/out/renderer';

describe('resolveAppFile', () => {
  it('maps app://marginalia paths to files in the renderer folder', () => {
    expect(resolveAppFile(rendererDir, 'app://marginalia/index.html')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://marginalia/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://marginalia/assets/index-abc.js?v=1#x')).toBe(join(rendererDir, 'assets', 'index-abc.js'));
    expect(resolveAppFile(rendererDir, 'app://marginalia/assets/My%20Font.woff2')).toBe(join(rendererDir, 'assets', 'My Font.woff2'));
  });

  it('keeps dot segments that URL parsing resolves inside the folder', () => {
    expect(resolveAppFile(rendererDir, 'app://marginalia/../main/index.js')).toBe(join(rendererDir, 'main', 'index.js'));
    expect(resolveAppFile(rendererDir, 'app://marginalia/%2e%2e/%2e%2e/etc/passwd')).toBe(join(rendererDir, 'etc', 'passwd'));
  });

  it('refuses every way out of the renderer folder', () => {
    for (const url of [
      'app://marginalia/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://marginalia/assets/..%2F..%2Fmain%2Findex.js',
      'app://marginalia/..%5c..%5cmain%5cindex.js',
      'app://marginalia/assets/%2e%2e%5c%2e%2e%5cmain',
      'app://marginalia/index.html%00.png',
      'app://marginalia/%E0%A4%A',
    ]) {
      expect(resolveAppFile(rendererDir, url), url).toBeNull();
    }
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile(rendererDir, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(rendererDir, 'app://marginalia:8080/index.html')).toBeNull();
    expect(resolveAppFile(rendererDir, 'file:///opt/Marginalia/out/renderer/index.html')).toBeNull();
    expect(resolveAppFile(rendererDir, 'https://marginalia/index.html')).toBeNull();
    expect(resolveAppFile(rendererDir, 'not a url')).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  let dir: string;
  const csp = "default-src 'self'";

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-protocol-'));
    dir = join(root, 'renderer');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'interview transcript');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const handler = () => {
    const read = vi.fn((path: string) => readFile(path));
    return { read, handle: createAppProtocolHandler({ rendererDir: dir, readFile: read, contentSecurityPolicy: csp }) };
  };

  it('serves the app’s files with their type and the CSP', async () => {
    const { handle } = handler();
    const page = await handle(new Request('app://marginalia/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(await page.text()).toContain('<title>Marginalia</title>');
    const script = await handle(new Request('app://marginalia/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('never reads a file outside the renderer folder', async () => {
    const { handle, read } = handler();
    for (const url of ['app://marginalia/..%2fsecret.txt', 'app://marginalia/assets/..%2f..%2fsecret.txt', 'app://other/secret.txt']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('interview');
    }
    expect(read).not.toHaveBeenCalled();
  });

  it('answers 404 for a missing file and 405 for writes', async () => {
    const { handle } = handler();
    expect((await handle(new Request('app://marginalia/nothing.js'))).status).toBe(404);
    expect((await handle(new Request('app://marginalia/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
