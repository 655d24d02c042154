// A .qdpx write whose entries are deflated elsewhere (the project-file worker's deflate workers):
// whatever order the deflated entries come back in, and whether the texts were handed over ahead
// of the write or not, the file is the same byte for byte as the one deflated on this thread, and
// an entry handed over ahead is used only when it is the text being written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { projectSnapshotArb } from '../model/projectArb';
import { diffSnapshots } from '../../../shared/model/snapshot';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { sourceTextPathOfSource } from '../../../shared/refi/qdeFromSnapshot';
import { entryDeflater, writeQdpxDeflating, type DeflatedEntries, type DeflatedEntry, type EntryDeflater, type NativeDeflate, type TextAhead } from '../../../shared/refi/qdpxWrite';
import { utf8Length } from '../../../shared/refi/qdpxWriteExtras';

let n = 0;
const newId = (): string => `70000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const deflateHere: NativeDeflate = async (chunks) => new Uint8Array(deflateRawSync(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)))));

/** Answers after a random number of turns, as another thread would: entries come back in any order. */
function elsewhere(delays: () => number): EntryDeflater & { deflated: () => number } {
  const inner = entryDeflater(deflateHere);
  let deflated = 0;
  const later = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let i = delays(); i > 0; i--) await new Promise((resolve) => setTimeout(resolve, 0));
    return work();
  };
  return {
    deflate: (chunks) => {
      deflated++;
      // Copied now, as a message to a worker would copy them.
      const copies = chunks.map((c) => c.slice());
      return later(() => inner.deflate(copies));
    },
    stream() {
      const stream = inner.stream();
      return {
        push: (chunk) => stream.push(chunk.slice()),
        end: () => {
          deflated++;
          return later(() => stream.end());
        },
      };
    },
    deflated: () => deflated,
  };
}

const utf8 = new TextEncoder();

describe('a .qdpx write deflated elsewhere', () => {
  it('gives the same bytes as one deflated on this thread, whatever order the entries come back in', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb, fc.array(fc.nat(4), { minLength: 1, maxLength: 12 }), async (project, turns) => {
        const here = await writeQdpxDeflating(project, {}, deflateHere);
        let i = 0;
        const there = await writeQdpxDeflating(structuredClone(project), {}, elsewhere(() => turns[i++ % turns.length]!));
        expect(there).toEqual(here);
        expect(diffSnapshots(project, readQdpx(there, { newId }).snapshot)).toEqual({});
      }),
      { numRuns: 20 },
    );
  });

  it('takes the texts handed over ahead of it (still being deflated) instead of deflating them again', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb, async (project) => {
        const here = await writeQdpxDeflating(project, {}, deflateHere);
        const ahead = new Map<string, TextAhead>();
        const aside = elsewhere(() => 3);
        for (const { sourceId, text } of project.sourceTexts) ahead.set(sourceTextPathOfSource(sourceId), { text, entry: aside.deflate([utf8.encode(text)]) });
        const writer = elsewhere(() => 1);
        const kept: DeflatedEntries = new Map();
        const bytes = await writeQdpxDeflating(structuredClone(project), {}, writer, kept, ahead);
        expect(bytes).toEqual(here);
        // project.qde and marginalia.json only.
        expect(writer.deflated()).toBe(2);
        // What the next write may take again: these texts, deflated.
        expect(kept.size).toBe(project.sources.length);
      }),
      { numRuns: 20 },
    );
  });

  it('deflates a text again when what was handed over ahead is another text, or failed', async () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 7 })[0]!;
    const here = await writeQdpxDeflating(project, {}, deflateHere);
    const [first, second] = project.sourceTexts;
    const ahead = new Map<string, TextAhead>();
    const entryOf = (text: string): Promise<DeflatedEntry> => entryDeflater(deflateHere).deflate([utf8.encode(text)]);
    // Same path, another text (a source whose text is not what was handed over).
    ahead.set(sourceTextPathOfSource(first!.sourceId), { text: `${first!.text}x`, entry: entryOf(`${first!.text}x`) });
    const failed = Promise.reject(new Error('the worker stopped'));
    failed.catch(() => undefined);
    if (second) ahead.set(sourceTextPathOfSource(second.sourceId), { text: second.text, entry: failed });
    const writer = elsewhere(() => 0);
    const bytes = await writeQdpxDeflating(structuredClone(project), {}, writer, undefined, ahead);
    expect(bytes).toEqual(here);
    expect(readQdpx(bytes, { newId }).snapshot.sourceTexts.find((t) => t.sourceId === first!.sourceId)?.text).toBe(first!.text);
    // project.qde, marginalia.json, the texts not taken from `ahead` (the others were not handed over).
    expect(writer.deflated()).toBe(2 + project.sourceTexts.length);
  });
});

describe('utf8Length', () => {
  it('is the length TextEncoder gives, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udc00', '\udbff\udfff', 'é', '€', '😀'), fc.string({ unit: 'binary', maxLength: 3 })), maxLength: 30 }), (text) => {
        expect(utf8Length(text)).toBe(utf8.encode(text).byteLength);
      }),
      { numRuns: 500 },
    );
  });
});
