import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MISSING_ELECTRON_MESSAGE,
  findElectronBinary,
  findElectronPackage,
} from '../../../scripts/electronBinary.mjs';

const projectDir = resolve(import.meta.dirname, '../../..');

let electronDir: string;
beforeEach(async () => {
  electronDir = await mkdtemp(join(tmpdir(), 'marginalia-electron-'));
});
afterEach(async () => {
  await rm(electronDir, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('finds nothing when path.txt was never written', () => {
    expect(findElectronBinary(electronDir)).toBeNull();
  });

  it('finds nothing when path.txt names a binary that is not in dist/', async () => {
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    expect(findElectronBinary(electronDir)).toBeNull();
  });

  it('finds nothing when path.txt is empty', async () => {
    await mkdir(join(electronDir, 'dist'));
    await writeFile(join(electronDir, 'path.txt'), '');
    expect(findElectronBinary(electronDir)).toBeNull();
  });

  it('finds the binary path.txt names under dist/', async () => {
    await mkdir(join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    await writeFile(join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'), '');
    await writeFile(join(electronDir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron\n');
    expect(findElectronBinary(electronDir)).toBe(join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'));
  });
});

describe('findElectronPackage', () => {
  it('finds the project’s electron package without loading it', () => {
    // Compared by real path: a checkout may link node_modules from elsewhere (a git worktree).
    const found = findElectronPackage(projectDir);
    expect(found && realpathSync(found)).toBe(realpathSync(join(projectDir, 'node_modules', 'electron')));
  });

  it('finds nothing where electron is not installed', () => {
    expect(findElectronPackage(electronDir)).toBeNull();
  });
});

describe('npm start without Electron', () => {
  const installed = findElectronBinary(join(projectDir, 'node_modules', 'electron')) !== null;

  it.skipIf(installed)('prints one clear line, no stack trace, and exits with 1', () => {
    const result = spawnSync(process.execPath, [join(projectDir, 'scripts', 'start.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${MISSING_ELECTRON_MESSAGE}\n`);
  });
});
