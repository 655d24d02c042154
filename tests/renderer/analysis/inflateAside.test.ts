// The Open's helper thread for inflating (renderer/src/analysis/inflateAside.ts), with a stand-in
// for the worker: each entry comes back inflated, moved rather than copied; a worker that fails,
// or falls silent, gives null for what it was asked (the reader then inflates it itself) and is
// replaced on the next Open.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { InflateAsideRequest, InflateAsideResponse } from '../../../renderer/src/analysis/inflateAside';

type Mode = 'answers' | 'silent';

class FakeWorker {
  static made: FakeWorker[] = [];
  static mode: Mode = 'answers';
  onmessage: ((event: MessageEvent<InflateAsideResponse>) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  /** The size of each buffer received: the entry's own bytes, not the archive's. */
  sent: number[] = [];
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage({ id, compressed, size }: InflateAsideRequest): void {
    this.sent.push(compressed.buffer.byteLength);
    if (FakeWorker.mode === 'silent' && size >= 0) return;
    const data = size < 0 ? null : new Uint8Array(inflateRawSync(compressed));
    setTimeout(() => this.onmessage?.({ data: { id, data } } as MessageEvent<InflateAsideResponse>));
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function freshModule() {
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
  return import('../../../renderer/src/analysis/inflateAside');
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeWorker.made = [];
  FakeWorker.mode = 'answers';
});

const TEXT = 'Tiring, and the pay was late again. '.repeat(50);
const text = new TextEncoder().encode(TEXT);
const compressed = new Uint8Array(deflateRawSync(text));

describe('inflating on a helper thread', () => {
  it('is ready once it answers, gives entries back inflated, and is kept for the next Open', async () => {
    const { inflaterAside } = await freshModule();
    const aside = inflaterAside()!;
    await aside.ready;
    // A view into a bigger buffer: only the entry's own bytes are sent.
    const archive = new Uint8Array(compressed.length + 10);
    archive.set(compressed, 5);
    const inflated = await aside.inflate(archive.subarray(5, 5 + compressed.length), text.length);
    expect(new TextDecoder().decode(inflated!)).toBe(TEXT);
    expect(FakeWorker.made[0]!.sent.at(-1)).toBe(compressed.length);
    expect(inflaterAside()).toBe(aside);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('gives null for what it was asked when the worker fails, and starts another next time', async () => {
    const { inflaterAside } = await freshModule();
    FakeWorker.mode = 'silent';
    const aside = inflaterAside()!;
    const pending = aside.inflate(compressed, text.length);
    FakeWorker.made[0]!.onerror?.();
    expect(await pending).toBeNull();
    expect(aside.broken).toBe(true);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(await aside.inflate(compressed, text.length)).toBeNull();
    expect(inflaterAside()).not.toBe(aside);
  });

  it('gives up on a worker that falls silent, so an Open never waits on it for ever', async () => {
    vi.useFakeTimers();
    const { inflaterAside } = await freshModule();
    const aside = inflaterAside()!;
    await vi.advanceTimersByTimeAsync(10);
    await aside.ready;
    FakeWorker.mode = 'silent';
    const pending = aside.inflate(compressed, text.length);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toBeNull();
    expect(aside.broken).toBe(true);
  });
});
