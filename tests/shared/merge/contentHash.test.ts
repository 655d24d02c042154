import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a64, sourceContentHash } from '../../../shared/merge/contentHash';

/** FNV-1a 64 the slow, obvious way: BigInt over TextEncoder's bytes. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('source content hash', () => {
  it('is FNV-1a 64 over UTF-8: the published test vectors and a BigInt reference', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(fnv1a64(s)).toBe(reference(s));
    }), { numRuns: 300 });
    expect(fnv1a64('lone \ud800 surrogate')).toBe(reference('lone \ud800 surrogate'));
  });

  it('hashes the normalised text: line endings and a BOM do not make another source', () => {
    expect(sourceContentHash('\uFEFFone\r\ntwo\rthree')).toBe(sourceContentHash('one\ntwo\nthree'));
    expect(sourceContentHash('one two')).not.toBe(sourceContentHash('one  two'));
  });
});
