// The zip checksum of data deflated elsewhere: the same as the plain byte-at-a-time definition,
// for any bytes split into any chunks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 } from '../../../shared/refi/crc32';

/** CRC-32 bit by bit, as the standard defines it. */
function reference(chunks: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const chunk of chunks) {
    for (const byte of chunk) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('matches the known check value', () => {
    expect(crc32([new TextEncoder().encode('123456789')])).toBe(0xcbf43926);
    expect(crc32([])).toBe(0);
  });

  it('is the same as the bitwise definition for any bytes in any chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 6 }), (chunks) => {
        expect(crc32(chunks)).toBe(reference(chunks));
      }),
      { numRuns: 300 },
    );
  });

  it('goes on from an earlier checksum as if the bytes were one run', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }), fc.nat(6), (chunks, split) => {
        const at = Math.min(split, chunks.length);
        expect(crc32(chunks.slice(at), crc32(chunks.slice(0, at)))).toBe(reference(chunks));
      }),
      { numRuns: 300 },
    );
  });
});
