import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../../../electron/main/services/atomicWrite';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'marginalia-write-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes text as UTF-8 exactly as given, BOM included', async () => {
    const target = join(folder, 'codings.csv');
    await writeFileAtomic(target, '\uFEFFcode,quote\nRésumé,“yes” 😀\n');
    const bytes = await readFile(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\uFEFFcode,quote\nRésumé,“yes” 😀\n');
  });

  it('writes bytes unchanged', async () => {
    const target = join(folder, 'project.qdpx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = join(folder, 'report.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['report.txt']);
  });

  it('keeps the original intact and cleans up when the rename fails', async () => {
    const target = join(folder, 'report.txt');
    await writeFile(target, 'original');
    const failingFs: AtomicWriteFs = {
      ...fsPromises,
      rename: async () => {
        throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
      },
    };
    await expect(writeFileAtomic(target, 'replacement', failingFs)).rejects.toThrow('EBUSY');
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(folder)).toEqual(['report.txt']);
  });

  it('keeps the original intact and cleans up when writing fails midway', async () => {
    const target = join(folder, 'report.txt');
    await writeFile(target, 'original');
    const diskFullFs: AtomicWriteFs = {
      ...fsPromises,
      open: async (path, flags) => {
        const handle = await fsPromises.open(path, flags);
        if (flags === 'wx') {
          handle.writeFile = async () => {
            await handle.write('partial');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          };
        }
        return handle;
      },
    };
    await expect(writeFileAtomic(target, 'replacement', diskFullFs)).rejects.toThrow('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(folder)).toEqual(['report.txt']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'x.txt'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(folder)).toEqual([]);
  });
});
