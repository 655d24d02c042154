// The packaged app's Electron fuses (electron-builder.yml): a change that turns one back on, or
// drops the block, fails here rather than shipping an app that runs as Node or loads loose code.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const configPath = resolve(import.meta.dirname, '../../../electron-builder.yml');

async function readFuses(): Promise<Record<string, unknown>> {
  const config = load(await readFile(configPath, 'utf8')) as { electronFuses?: Record<string, unknown> };
  return config.electronFuses ?? {};
}

describe('electron-builder fuses', () => {
  it('turn off every way to run the binary as Node or attach a debugger', async () => {
    const fuses = await readFuses();
    expect(fuses['runAsNode']).toBe(false);
    expect(fuses['enableNodeOptionsEnvironmentVariable']).toBe(false);
    expect(fuses['enableNodeCliInspectArguments']).toBe(false);
  });

  it('only load the integrity-checked app.asar, with encrypted cookies and no file:// extras', async () => {
    const fuses = await readFuses();
    expect(fuses['enableCookieEncryption']).toBe(true);
    expect(fuses['enableEmbeddedAsarIntegrityValidation']).toBe(true);
    expect(fuses['onlyLoadAppFromAsar']).toBe(true);
    expect(fuses['grantFileProtocolExtraPrivileges']).toBe(false);
  });
});
