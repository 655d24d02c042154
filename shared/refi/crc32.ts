// CRC-32 (IEEE 802.3, the zip checksum) over a sequence of byte chunks: what a zip entry records
// for data deflated elsewhere (a native deflater that gives no checksum). Slicing by 8 (eight
// tables, eight bytes a step): a big project's archive is 70 MB, which a byte at a time took
// most of a second to check.

const TABLES = (() => {
  const tables = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n]!;
    for (let t = 1; t < 8; t++) {
      c = tables[c & 0xff]! ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

/**
 * The checksum of the chunks; with `previous`, the checksum of the bytes it was computed over
 * followed by these (an entry checked piece by piece as it is written).
 */
export function crc32(chunks: readonly Uint8Array[], previous = 0): number {
  const T = TABLES;
  let crc = ~previous;
  for (const chunk of chunks) {
    const n = chunk.length;
    let i = 0;
    for (const end = n - (n % 8); i < end; i += 8) {
      const a = crc ^ (chunk[i]! | (chunk[i + 1]! << 8) | (chunk[i + 2]! << 16) | (chunk[i + 3]! << 24));
      crc =
        T[1792 + (a & 0xff)]! ^
        T[1536 + ((a >>> 8) & 0xff)]! ^
        T[1280 + ((a >>> 16) & 0xff)]! ^
        T[1024 + (a >>> 24)]! ^
        T[768 + chunk[i + 4]!]! ^
        T[512 + chunk[i + 5]!]! ^
        T[256 + chunk[i + 6]!]! ^
        T[chunk[i + 7]!]!;
    }
    for (; i < n; i++) crc = T[(crc ^ chunk[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}
