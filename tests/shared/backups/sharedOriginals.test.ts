// Backups keep a source's original file once for all of them: forty backups of a project with a
// large PDF hold one copy of it, every backup still restores to the whole project (the original
// byte for byte), rotation deletes an original only with the last backup that needs it, and a
// shared original that went missing costs that original, never the backup.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectSnapshotArb } from '../model/projectArb';
import { createBackupStore } from '../../../shared/backups/backupStore';
import { isSharedOriginalFile } from '../../../shared/backups/sharedOriginals';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { memoryDirectory } from '../../renderer/support/memoryDirectory';

let n = 0;
const newId = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Bytes that do not compress (as a PDF's streams do not), so sizes say what is stored. */
function noise(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const base = fc.sample(projectSnapshotArb.filter((p) => p.sources.length >= 2), { numRuns: 1, seed: 7 })[0]!;
/** The project with a 200 KB PDF and a 50 KB .docx as its first two sources' originals. */
function project(stamp: string): ProjectSnapshot {
  return {
    ...base,
    project: { ...base.project, updatedAt: stamp },
    sourceOriginals: [
      { sourceId: base.sources[0]!.id, projectId: base.project.id, extension: 'pdf', bytes: noise(200_000, 1) },
      { sourceId: base.sources[1]!.id, projectId: base.project.id, extension: 'docx', bytes: noise(50_000, 2) },
    ],
  };
}
const counts = { sources: base.sources.length, codes: base.codes.length, codings: base.codings.length, memos: base.memos.length, cases: base.cases.length };

function setUp() {
  const folder = memoryDirectory();
  let clock = new Date('2026-12-02T09:00:00Z');
  const store = createBackupStore({ directory: folder.directory, newId, now: () => clock, maxBytes: 64 * 1024 * 1024 });
  const backUp = async (stamp: string) => {
    clock = new Date(clock.getTime() + 5 * 60_000);
    return store.writeBackup({ projectId: base.project.id, projectName: 'Interviews', changeStamp: stamp, bytes: writeQdpx(project(stamp)), counts });
  };
  const stored = () => [...folder.files.values()].reduce((sum, bytes) => sum + bytes.byteLength, 0);
  return { folder, store, backUp, stored };
}

function originalsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const { snapshot } = readQdpx(bytes, { newId });
  return new Map((snapshot.sourceOriginals ?? []).map((o) => [o.sourceId, o.bytes]));
}

describe('originals shared by every backup', () => {
  it('stores a large original once however many backups hold it, and each backup restores it byte for byte', async () => {
    const { folder, store, backUp, stored } = setUp();
    for (let i = 0; i < 12; i++) await backUp(`v${i}`);
    const shared = [...folder.files.keys()].filter(isSharedOriginalFile);
    expect(shared).toHaveLength(2);
    // Ten backups kept (the rotation), the originals (250 KB) once: far less than ten copies.
    expect(stored()).toBeLessThan(250_000 + 10 * 60_000);
    const listed = await store.listBackups();
    expect(listed).toHaveLength(10);
    expect(listed[0]).not.toHaveProperty('originals');
    for (const backup of [listed[0]!, listed[9]!]) {
      const file = await store.readBackup(backup.id);
      expect(file.bytes.byteLength).toBe(backup.byteSize);
      const originals = originalsOf(file.bytes);
      expect([...originals.get(base.sources[0]!.id)!]).toEqual([...noise(200_000, 1)]);
      expect([...originals.get(base.sources[1]!.id)!]).toEqual([...noise(50_000, 2)]);
      expect(readQdpx(file.bytes, { newId }).snapshot.codings).toHaveLength(base.codings.length);
    }
  });

  it('deletes a shared original with the last backup that needs it, and not before', async () => {
    const { folder, store, backUp } = setUp();
    await backUp('v0');
    const sharedFiles = [...folder.files.keys()].filter(isSharedOriginalFile);
    expect(sharedFiles).toHaveLength(2);
    // Later versions of the project no longer have originals: the old backups still need them.
    const later = { ...project('v1'), sourceOriginals: [] };
    for (let i = 1; i <= 9; i++) {
      await store.writeBackup({ projectId: base.project.id, projectName: 'Interviews', changeStamp: `w${i}`, bytes: writeQdpx({ ...later, project: { ...later.project, updatedAt: `w${i}` } }), counts });
    }
    expect([...folder.files.keys()].filter(isSharedOriginalFile)).toEqual(sharedFiles);
    // The eleventh backup of the day rotates v0 out, and its originals with it.
    await store.writeBackup({ projectId: base.project.id, projectName: 'Interviews', changeStamp: 'w10', bytes: writeQdpx(later), counts });
    expect([...folder.files.keys()].filter(isSharedOriginalFile)).toEqual([]);
    expect((await store.listBackups()).map((b) => b.changeStamp)).not.toContain('v0');
  });

  it('keeps a backup without large originals exactly as it was written', async () => {
    const { folder, store } = setUp();
    const bytes = writeQdpx({ ...base, sourceOriginals: [] });
    await store.writeBackup({ projectId: base.project.id, projectName: 'Interviews', changeStamp: 's', bytes, counts });
    expect([...folder.files.keys()].filter(isSharedOriginalFile)).toEqual([]);
    const [backup] = await store.listBackups();
    expect([...(await store.readBackup(backup!.id)).bytes]).toEqual([...bytes]);
  });

  it('restores the project when a shared original is missing or damaged, without that original', async () => {
    const { folder, store, backUp } = setUp();
    await backUp('v0');
    const [pdf, docx] = [...folder.files.keys()].filter(isSharedOriginalFile).sort((a, b) => folder.files.get(b)!.byteLength - folder.files.get(a)!.byteLength);
    folder.files.delete(pdf!);
    const damaged = folder.files.get(docx!)!.slice();
    damaged[100] = damaged[100]! ^ 0xff;
    folder.files.set(docx!, damaged);
    const [backup] = await store.listBackups();
    const restored = readQdpx((await store.readBackup(backup!.id)).bytes, { newId });
    expect(restored.snapshot.sources).toHaveLength(base.sources.length);
    expect(restored.snapshot.codings).toHaveLength(base.codings.length);
    expect(restored.snapshot.sourceOriginals ?? []).toEqual([]);
    expect(restored.report.entries.map((e) => e.text).join('\n')).toMatch(/original/i);
  });

  it('leaves every earlier backup whole when a write fails midway', async () => {
    const { folder, store, backUp } = setUp();
    await backUp('v0');
    folder.failNextWrite();
    await expect(backUp('v1')).rejects.toThrow();
    const listed = await store.listBackups();
    expect(listed.map((b) => b.changeStamp)).toEqual(['v0']);
    expect(originalsOf((await store.readBackup(listed[0]!.id)).bytes).size).toBe(2);
  });
});
