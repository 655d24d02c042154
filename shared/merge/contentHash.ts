// A content hash of a source's text, to recognise the same source in two projects whatever its
// name or id: FNV-1a 64 (Fowler, Noll, Vo; the published offset basis and prime) over the UTF-8
// bytes of the normalised text, as 16 hex digits. Chosen over SHA-256 because shared/ cannot use
// Node's or the browser's crypto synchronously and matching needs speed, not secrecy: a merge
// compares the texts themselves whenever two hashes are equal, so a collision cannot join two
// different sources, it can only cost one string comparison.
import { normaliseImportedText } from '../text/normalise';

/** FNV-1a 64 of a string's UTF-8 bytes, computed in four 16-bit limbs (no BigInt in the loop). */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, little-endian limbs.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const step = (byte: number): void => {
    h0 ^= byte;
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3: h·0x1b3 plus h shifted left by 40 bits.
    const a0 = h0 * 0x1b3;
    const a1 = h1 * 0x1b3;
    const a2 = h2 * 0x1b3;
    const a3 = h3 * 0x1b3;
    let carry = a0 >>> 16;
    const r0 = a0 & 0xffff;
    let t = a1 + carry;
    carry = t >>> 16;
    const r1 = t & 0xffff;
    t = a2 + carry + ((h0 << 8) & 0xffff);
    carry = t >>> 16;
    const r2 = t & 0xffff;
    t = a3 + carry + ((h1 << 8) & 0xffff) + (h0 >>> 8);
    const r3 = t & 0xffff;
    h0 = r0;
    h1 = r1;
    h2 = r2;
    h3 = r3;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd; // a lone surrogate, as TextEncoder writes it
    }
    if (code < 0x80) step(code);
    else if (code < 0x800) {
      step(0xc0 | (code >> 6));
      step(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      step(0xe0 | (code >> 12));
      step(0x80 | ((code >> 6) & 0x3f));
      step(0x80 | (code & 0x3f));
    } else {
      step(0xf0 | (code >> 18));
      step(0x80 | ((code >> 12) & 0x3f));
      step(0x80 | ((code >> 6) & 0x3f));
      step(0x80 | (code & 0x3f));
    }
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** The hash two projects compare: of the text as import normalises it (line endings, BOM). */
export function sourceContentHash(text: string): string {
  return fnv1a64(normaliseImportedText(text));
}
