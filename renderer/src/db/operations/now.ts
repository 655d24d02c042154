// Clock and id sources for operations, in one place so tests can read what was written.
export function nowIso(): string {
  return new Date().toISOString();
}

/** Ids made per refill: one call for random bytes, one decode, then a slice per id. */
const BATCH = 256;
const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');
const randomBytes = new Uint8Array(16 * BATCH);
const idChars = new Uint8Array(36 * BATCH);
const latin1 = new TextDecoder('latin1');
let batch = '';
let nextInBatch = BATCH;

function refill(): void {
  crypto.getRandomValues(randomBytes);
  let at = 0;
  for (let id = 0; id < BATCH; id++) {
    const b = id * 16;
    // RFC 9562 version 4: the version nibble and the variant bits, the other 122 bits random.
    randomBytes[b + 6] = (randomBytes[b + 6]! & 0x0f) | 0x40;
    randomBytes[b + 8] = (randomBytes[b + 8]! & 0x3f) | 0x80;
    for (let k = 0; k < 16; k++) {
      if (k === 4 || k === 6 || k === 8 || k === 10) idChars[at++] = 45; /* - */
      const byte = randomBytes[b + k]!;
      idChars[at++] = HEX_DIGITS[byte >> 4]!;
      idChars[at++] = HEX_DIGITS[byte & 15]!;
    }
  }
  batch = latin1.decode(idChars);
  nextInBatch = 0;
}

/**
 * A random (version 4) UUID, as `crypto.randomUUID()` gives, from the same cryptographic source.
 * Made 256 at a time: Chromium answers each `randomUUID()` with a call for random bytes of its
 * own (about 2 µs), and storing a big project file opened a second time gives 100,000 records
 * new ids (0.2 s of the open went there).
 */
export function newId(): string {
  if (nextInBatch === BATCH) refill();
  const at = 36 * nextInBatch++;
  return batch.slice(at, at + 36);
}
