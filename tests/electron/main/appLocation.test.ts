import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppLocation } from '../../../electron/main/appLocation';

const rendererDir = resolve('/opt/Marginalia Apps/out/renderer');
const built = resolveAppLocation({ rendererDir });
const dev = resolveAppLocation({ rendererDir, devServerUrl: 'http://localhost:5173' });
/** e.g. file:///opt/Marginalia%20Apps/out — written by hand below to try other spellings. */
const outUrl = pathToFileURL(resolve(rendererDir, '..')).href;
const index = `${outUrl}/renderer/index.html`;

describe('resolveAppLocation', () => {
  it('loads the built index.html, or the dev server when one is given', () => {
    expect(built).toEqual({ kind: 'file', rendererDir, indexFile: join(rendererDir, 'index.html') });
    expect(dev).toMatchObject({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
  });
});

describe('isAppUrl', () => {
  it('accepts the built pages, with their routes', () => {
    expect(isAppUrl(built, index)).toBe(true);
    expect(isAppUrl(built, `${index}#/sources/1`)).toBe(true);
    expect(isAppUrl(built, `${outUrl}/renderer/assets/index-abc.js`)).toBe(true);
    expect(isAppUrl(built, pathToFileURL(join(rendererDir, 'index.html')).href)).toBe(true);
  });

  it('refuses files outside the renderer folder, however the path is spelled', () => {
    expect(isAppUrl(built, pathToFileURL(resolve('/etc/passwd')).href)).toBe(false);
    expect(isAppUrl(built, `${outUrl}/renderer/../main/index.js`)).toBe(false);
    expect(isAppUrl(built, `${outUrl}/renderer/%2e%2e/main/index.js`)).toBe(false);
    expect(isAppUrl(built, `${outUrl}/renderer-evil/index.html`)).toBe(false);
    expect(isAppUrl(built, `${outUrl}/renderer%2F..%2Fmain/index.js`)).toBe(false);
    expect(isAppUrl(built, index.replace('file:///', 'file://attacker.example/'))).toBe(false);
  });

  it('refuses other schemes and garbage', () => {
    expect(isAppUrl(built, 'https://example.org/')).toBe(false);
    expect(isAppUrl(built, 'about:blank')).toBe(false);
    expect(isAppUrl(built, '')).toBe(false);
    expect(isAppUrl(built, 'not a url')).toBe(false);
  });

  it('in development, accepts exactly the dev server’s origin', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/index.html')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost.evil.example:5173/')).toBe(false);
    expect(isAppUrl(dev, index)).toBe(false);
  });
});
