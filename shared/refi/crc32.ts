// CRC-32 (IEEE 802.3, the zip checksum) over a sequence of byte chunks: what a zip entry records
// for data deflated elsewhere (a native deflater that gives no checksum).

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(chunks: readonly Uint8Array[]): number {
  let crc = -1;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) crc = TABLE[(crc ^ chunk[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}
