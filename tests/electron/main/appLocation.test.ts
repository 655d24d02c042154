import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppLocation } from '../../../electron/main/appLocation';

const rendererDir = resolve('/opt/Marginalia Apps/out/renderer');
const built = resolveAppLocation({ rendererDir });
const dev = resolveAppLocation({ rendererDir, devServerUrl: 'http://localhost:5173' });

describe('resolveAppLocation', () => {
  it('loads the built app from app://marginalia, or the dev server when one is given', () => {
    expect(built).toEqual({ kind: 'app', rendererDir, url: 'app://marginalia/index.html' });
    expect(dev).toMatchObject({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
  });
});

describe('isAppUrl', () => {
  it('accepts the app’s pages, with their routes', () => {
    expect(isAppUrl(built, 'app://marginalia/index.html')).toBe(true);
    expect(isAppUrl(built, 'app://marginalia/index.html#/sources/1')).toBe(true);
    expect(isAppUrl(built, 'app://marginalia/assets/index-abc.js')).toBe(true);
    expect(isAppUrl(built, 'APP://MARGINALIA/index.html')).toBe(true);
  });

  it('refuses file:// pages, even the built ones, and look-alike hosts', () => {
    expect(isAppUrl(built, pathToFileURL(resolve(rendererDir, 'index.html')).href)).toBe(false);
    expect(isAppUrl(built, 'app://marginalia.evil.example/index.html')).toBe(false);
    expect(isAppUrl(built, 'app://evil@marginalia/index.html')).toBe(false);
    expect(isAppUrl(built, 'app://marginalia:1234/index.html')).toBe(false);
    expect(isAppUrl(built, 'apps://marginalia/index.html')).toBe(false);
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
    expect(isAppUrl(dev, 'app://marginalia/index.html')).toBe(false);
  });
});
