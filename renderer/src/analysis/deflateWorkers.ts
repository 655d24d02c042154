// Workers that deflate for the project-file worker during a save (./deflate.worker.ts), so the
// sources' texts and project.qde deflate on another core while the project-file worker reads the
// project and builds and writes the document: on the big project deflating is about 1.9 s of a
// 3.5 s save, and during a save the page's core is idle. Started at the start of a save (they load
// while the project is read) and stopped at its end. Where no worker can start, the same work runs
// on this thread (the same bytes either way).
import { entryDeflater, type DeflatedEntry, type EntryDeflater, type EntryStream } from '../../../shared/refi/qdpxWrite';
import { crc32 } from '../../../shared/refi/crc32';
import { deflateNative, deflateStreamNative } from './nativeCompression';
import type { DeflateRequest, DeflateResponse } from './deflateMessages';

/** The little of a Worker used here (tests give a message port). */
export interface DeflateWorkerPort {
  onmessage: ((event: MessageEvent<DeflateResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: DeflateRequest, transfer?: Transferable[]): void;
  terminate(): void;
}

export interface DeflateWorkers extends EntryDeflater {
  /**
   * A source's text deflated as UTF-8 (it is copied to the worker, which encodes it there); `unless`
   * itself when that is this text as deflated before (same size and checksum).
   */
  deflateText(text: string, unless?: DeflatedEntry): Promise<DeflatedEntry>;
  /** Stops the workers: what they were still doing fails. */
  close(): void;
}

function startDeflateWorker(): DeflateWorkerPort {
  return new Worker(new URL('./deflate.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-deflate' });
}

/**
 * How many: one per core beside the one the project-file worker uses, at most two (a save's
 * deflating is 1.9 s on the big project; a third worker would mostly wait for the document).
 */
export function deflateWorkerCount(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(2, cores - 1));
}

interface Handle {
  port: DeflateWorkerPort;
  /** True once its script runs; false if it failed before. */
  ready: Promise<boolean>;
  state: 'starting' | 'ready' | 'failed';
  settle: (ok: boolean) => void;
  /** Resolved with undefined when the answer is `same`. */
  pending: Map<number, { resolve: (entry: DeflatedEntry | undefined) => void; reject: (error: Error) => void }>;
}

const onThisThread = entryDeflater(deflateNative, deflateStreamNative);

export function startDeflateWorkers(count = deflateWorkerCount(), start: () => DeflateWorkerPort = startDeflateWorker): DeflateWorkers {
  let nextId = 1;
  let closed = false;
  const handles: Handle[] = [];
  if (typeof Worker === 'function' || start !== startDeflateWorker) {
    for (let i = 0; i < count; i++) {
      let port: DeflateWorkerPort;
      try {
        port = start();
      } catch {
        break;
      }
      handles.push(watch(port));
    }
  }

  function watch(port: DeflateWorkerPort): Handle {
    let settle: (ok: boolean) => void = () => {};
    const ready = new Promise<boolean>((resolve) => (settle = resolve));
    const handle: Handle = { port, ready, state: 'starting', settle, pending: new Map() };
    port.onmessage = ({ data }) => {
      if ('ready' in data) {
        if (handle.state === 'starting') handle.state = 'ready';
        handle.settle(true);
        return;
      }
      const request = handle.pending.get(data.id);
      if (!request) return;
      handle.pending.delete(data.id);
      if (data.ok) request.resolve('same' in data ? undefined : data.entry);
      else request.reject(new Error(data.message));
    };
    port.onerror = (event) => {
      event.preventDefault();
      fail(handle, 'The file could not be compressed; please try again.');
    };
    return handle;
  }

  function fail(handle: Handle, message: string): void {
    handle.state = 'failed';
    handle.port.terminate();
    handle.settle(false);
    for (const request of handle.pending.values()) request.reject(new Error(message));
    handle.pending.clear();
  }

  /** The live worker with the least to do. */
  function pick(): Handle | undefined {
    let best: Handle | undefined;
    for (const handle of handles) if (handle.state !== 'failed' && (!best || handle.pending.size < best.pending.size)) best = handle;
    return best;
  }

  function ask(handle: Handle, id: number, message: DeflateRequest, transfer: Transferable[] = []): Promise<DeflatedEntry | undefined> {
    return new Promise((resolve, reject) => {
      handle.pending.set(id, { resolve, reject });
      handle.port.postMessage(message, transfer);
    });
  }

  /**
   * A request for a worker once it runs, or for this thread if none does or if the worker fails
   * meanwhile (what it was given is a copy: nothing is lost). Posted at once when the worker runs:
   * the texts handed over while the project is read must not wait for the writer's next pause.
   */
  function request(message: (id: number) => DeflateRequest, here: () => Promise<DeflatedEntry>, same?: DeflatedEntry): Promise<DeflatedEntry> {
    if (closed) return Promise.reject(new Error('The save was stopped.'));
    const handle = pick();
    if (!handle) return here();
    const post = (): Promise<DeflatedEntry> => {
      const id = nextId++;
      return ask(handle, id, message(id)).then(
        (entry) => entry ?? same ?? Promise.reject(new Error('The file could not be compressed; please try again.')),
        (error: unknown) => (closed ? Promise.reject(error instanceof Error ? error : new Error(String(error))) : here()),
      );
    };
    if (handle.state === 'ready') return post();
    return handle.ready.then((ok) => {
      if (closed) throw new Error('The save was stopped.');
      return ok && handle.state === 'ready' ? post() : here();
    });
  }

  function stream(): EntryStream {
    const handle = pick();
    if (!handle || handle.state === 'failed') return onThisThread.stream();
    const id = nextId++;
    // Chunks written before the worker runs wait here (it loads while the project is read, so
    // this is rare): once it runs they go to it, or if it failed, to this thread.
    const waiting: Uint8Array[] = [];
    let sent = false;
    const send = (chunk: Uint8Array): void => {
      sent = true;
      const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
      // Each chunk is the writer's own (just encoded): its buffer moves to the worker.
      handle.port.postMessage({ id, op: 'push', chunk }, whole ? [chunk.buffer as ArrayBuffer] : []);
    };
    return {
      push(chunk) {
        if (handle.state === 'ready' && waiting.length === 0) send(chunk);
        else waiting.push(chunk);
      },
      async end() {
        await handle.ready;
        if (handle.state === 'failed') {
          // Chunks handed over are gone with the worker: the entry cannot be whole.
          if (sent) throw new Error('The file could not be compressed; please try again.');
          const here = onThisThread.stream();
          for (const chunk of waiting) here.push(chunk);
          return here.end();
        }
        for (const chunk of waiting) send(chunk);
        return ask(handle, id, { id, op: 'end' }).then((entry) => entry ?? Promise.reject(new Error('The file could not be compressed; please try again.')));
      },
    };
  }

  return {
    deflate: (chunks) => request((id) => ({ id, op: 'chunks', chunks }), () => onThisThread.deflate(chunks)),
    deflateText: (text, unless) =>
      request(
        (id) => ({ id, op: 'text', text, ...(unless ? { unless: { size: unless.size, crc: unless.crc } } : {}) }),
        () => {
          const bytes = new TextEncoder().encode(text);
          return unless && unless.size === bytes.byteLength && unless.crc === crc32([bytes]) ? Promise.resolve(unless) : onThisThread.deflate([bytes]);
        },
        unless,
      ),
    stream,
    close() {
      closed = true;
      for (const handle of handles) if (handle.state !== 'failed') fail(handle, 'The save was stopped.');
    },
  };
}
