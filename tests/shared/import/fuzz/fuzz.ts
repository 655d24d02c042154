// A small seeded fuzzer for the importers: random bytes, and mutations of a valid sample (byte
// flips, cuts, repeated slices, hostile tokens), and for zip formats the same mutations applied
// to one part inside a re-built package, so the parsers behind the zip checks are reached too.
// Every case is a pure function of (seed, index): a failure names both and reproduces with
// FUZZ_SEED=<seed>.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { expect } from 'vitest';
import { MAX_SOURCE_CHARS } from '../../../../shared/import/limits';
import { seededRandom } from '../../../../shared/analysis/agreement/seededRandom';

const CI_SEED = 20261202;

/** The run's seed, printed: FUZZ_SEED when given (to reproduce a failure), CI's fixed one, else a fresh one. */
export function fuzzSeed(): number {
  const given = process.env['FUZZ_SEED'];
  if (given !== undefined && given !== '') return Number(given) >>> 0;
  // CI runs one fixed seed, so a red CI always reproduces and never depends on the draw; local
  // runs draw a fresh one each time to explore further.
  if (process.env['CI'] === 'true') return CI_SEED;
  return (Math.random() * 2 ** 32) >>> 0;
}

/** mulberry32 (the bootstrap's generator): tiny, fast, and good enough to spread cases. */
export const random = seededRandom;

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes and strings that have broken parsers before: markup, escapes, huge counts, bad UTF-8. */
const TOKENS: readonly Uint8Array[] = [
  '<', '>', '</', '<!--', ']]>', '&', '&#0;', '&#xFFFFFFFF;', '"', "'", '{', '}', '\\', '\\u-1?', '\\bin99999999 ', '*', '**', '_', '`', '[', '](', '\n', '\r', '\t',
  'text:c="999999999"', 'r="XFD1048576"', 'ref="A1:XFD1048576"', '<row r="1048576">', '999999999999', '-1', 'NaN', '\u0000', '\uFEFF', '\u202E', '💥',
  '<div>'.repeat(50), '<text:s text:c="1000000"/>', '<Code guid="x" name="n">', ',"', ';', '%PDF-', '<</Length 999999999>>', 'stream\n', 'endobj',
].map((t) => enc(t)).concat([Uint8Array.of(0xff), Uint8Array.of(0xc3), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xfe, 0xff), Uint8Array.of(0)]);

export function mutate(bytes: Uint8Array, next: () => number): { kind: string; bytes: Uint8Array } {
  const pick = (n: number) => Math.floor(next() * n);
  const at = () => pick(bytes.length + 1);
  switch (pick(6)) {
    case 0: {
      const out = bytes.slice();
      const flips = 1 + pick(8);
      for (let i = 0; i < flips && out.length > 0; i++) out[pick(out.length)] = pick(256);
      return { kind: 'byte flips', bytes: out };
    }
    case 1:
      return { kind: 'cut short', bytes: bytes.slice(0, at()) };
    case 2: {
      const from = at();
      const to = Math.min(bytes.length, from + pick(200));
      const times = 1 + pick(20);
      const slice = bytes.subarray(from, to);
      const out = new Uint8Array(bytes.length + slice.length * times);
      out.set(bytes.subarray(0, to));
      for (let i = 0; i < times; i++) out.set(slice, to + i * slice.length);
      out.set(bytes.subarray(to), to + times * slice.length);
      return { kind: 'repeated slice', bytes: out };
    }
    case 3: {
      const token = TOKENS[pick(TOKENS.length)]!;
      const where = at();
      const out = new Uint8Array(bytes.length + token.length);
      out.set(bytes.subarray(0, where));
      out.set(token, where);
      out.set(bytes.subarray(where), where + token.length);
      return { kind: 'hostile token', bytes: out };
    }
    case 4: {
      const from = at();
      return { kind: 'slice removed', bytes: new Uint8Array([...bytes.subarray(0, from), ...bytes.subarray(Math.min(bytes.length, from + pick(100)))]) };
    }
    default: {
      const out = new Uint8Array(pick(2048));
      for (let i = 0; i < out.length; i++) out[i] = pick(256);
      return { kind: 'random bytes', bytes: out };
    }
  }
}

/** Mutates one part of a zip package (or the package's bytes), re-zipped so the zip still opens. */
export function mutateZip(zip: Uint8Array, next: () => number): { kind: string; bytes: Uint8Array } {
  if (next() < 0.3) return mutate(zip, next);
  const parts = unzipSync(zip);
  const names = Object.keys(parts).filter((n) => /\.(xml|rels|qde)$/.test(n));
  const name = names[Math.floor(next() * names.length)]!;
  const mutated = mutate(parts[name]!, next);
  const files: Zippable = {};
  for (const [n, data] of Object.entries(parts)) files[n] = [n === name ? mutated.bytes : data, { level: 0 }];
  return { kind: `${mutated.kind} in ${name}`, bytes: zipSync(files) };
}

/** What every importer must give for any input: a text within the limits, or a reason in words. */
export function expectTextOrReason(result: { ok: boolean; text?: unknown; reason?: unknown }, where: string): void {
  if (result.ok) {
    expect(typeof result.text, where).toBe('string');
    expect((result.text as string).length, where).toBeLessThanOrEqual(MAX_SOURCE_CHARS);
  } else {
    expectReason(result.reason, where);
  }
}

export function expectReason(reason: unknown, where: string): void {
  expect(typeof reason, where).toBe('string');
  expect((reason as string).trim().length, where).toBeGreaterThan(10);
  // A sentence for a person, not a leaked exception.
  expect(reason, where).not.toMatch(/undefined|\[object|TypeError|RangeError|at \w+ \(/);
}

/**
 * Runs `count` cases: case i is `make(random(seed + i))`. Prints the seed once; a failing case
 * names its seed, index and mutation.
 */
export async function runFuzz<Case extends { kind: string; bytes: Uint8Array }>(
  format: string,
  seed: number,
  count: number,
  make: (next: () => number) => Case,
  check: (bytes: Uint8Array, where: string, made: Case) => Promise<void> | void,
): Promise<void> {
  console.info(`fuzz ${format}: ${count} cases, FUZZ_SEED=${seed}`);
  for (let i = 0; i < count; i++) {
    const next = random((seed + Math.imul(i, 0x9e3779b1)) >>> 0);
    const made = make(next);
    const { kind, bytes } = made;
    const where = `${format} case ${i} (${kind}, ${bytes.length} bytes), reproduce with FUZZ_SEED=${seed}`;
    try {
      await check(bytes, where, made);
    } catch (error) {
      if (error instanceof Error) error.message = `${where}: ${error.message}`;
      throw error;
    }
  }
}
