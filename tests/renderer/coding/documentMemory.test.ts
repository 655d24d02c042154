// A source opened again is not split into paragraphs again, unless its text changed; the memory
// holds the open source and the one before it.
import { describe, expect, it } from 'vitest';
import { sourceMemory } from '../../../renderer/src/features/coding/documentMemory';

describe('sourceMemory', () => {
  it('gives back the same paragraphs and caches for a source opened again with the same text', () => {
    const first = sourceMemory('a', 'One.\nTwo.\n', 8);
    sourceMemory('b', 'Other.\n', 8);
    const again = sourceMemory('a', ['One.', 'Two.', ''].join('\n'), 8);
    expect(again).toBe(first);
    expect(again.paragraphs.map((p) => p.text)).toEqual(['One.', 'Two.', '']);
  });

  it('starts afresh when the text is not the one remembered', () => {
    const before = sourceMemory('c', 'Before.\n', 8);
    const after = sourceMemory('c', 'After.\n', 8);
    expect(after).not.toBe(before);
    expect(after.paragraphs[0]!.text).toBe('After.');
  });

  it('keeps the two sources opened last', () => {
    const d = sourceMemory('d', 'D.\n', 8);
    sourceMemory('e', 'E.\n', 8);
    sourceMemory('f', 'F.\n', 8);
    expect(sourceMemory('d', 'D.\n', 8)).not.toBe(d);
  });
});
