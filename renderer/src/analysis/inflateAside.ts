// Inflating on another thread (./inflate.worker.ts), for the project-file worker's Open: the
// source texts of a big .qdpx (20 MB) are inflated there while this thread parses project.qde,
// instead of after it. Only a head start: an entry it cannot give (no worker, a worker that
// failed, damaged data) comes back null and is inflated the ordinary way, with the same checks.
import type { NativeInflate } from '../../../shared/refi/qdpxArchive';

export interface InflateAsideRequest {
  id: number;
  compressed: Uint8Array;
  size: number;
}

export interface InflateAsideResponse {
  id: number;
  data: Uint8Array | null;
}

/**
 * The helper thread: `inflate` as a NativeInflate; `ready` once it answers (or has failed, or is
 * slow to start: then the parse goes ahead without waiting longer); `broken` once it failed.
 */
export interface InflaterAside {
  inflate: NativeInflate;
  ready: Promise<void>;
  readonly broken: boolean;
}

let running: InflaterAside | undefined;

/**
 * The helper thread, started on the first call and kept (a thread with a small script, idle
 * between opens): it cannot start while this thread is busy, since starting takes turns of this
 * thread, so the first project-file operation starts it and the next Open finds it ready.
 * Undefined where workers cannot be made (tests, an old host).
 */
export function inflaterAside(): InflaterAside | undefined {
  if (!running || running.broken) running = startInflaterAside();
  return running;
}

/** How long the Open waits for the helper to start, at most (it takes tens of milliseconds). */
const START_WAIT_MS = 300;
/**
 * A helper that answers nothing for this long while asked is given up, and its entries inflated
 * on the asking thread: an Open never hangs on it. (After a parse longer than this, answers still
 * queued may lose to the timer: then those entries are inflated twice, never wrongly.)
 */
const SILENCE_MS = 30_000;

function startInflaterAside(): InflaterAside | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-inflate' });
  } catch {
    return undefined;
  }
  const waiting = new Map<number, (data: Uint8Array | null) => void>();
  let nextId = 0;
  let broken = false;
  let started = (): void => {};
  const ready = new Promise<void>((resolve) => {
    started = resolve;
    setTimeout(resolve, START_WAIT_MS);
  });
  let silence: ReturnType<typeof setTimeout> | undefined;
  // A worker that cannot start or answer leaves every entry to the ordinary inflater.
  const fail = (): void => {
    broken = true;
    clearTimeout(silence);
    started();
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
    worker.terminate();
  };
  const heard = (): void => {
    clearTimeout(silence);
    silence = waiting.size > 0 ? setTimeout(fail, SILENCE_MS) : undefined;
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;
  worker.onmessage = (event: MessageEvent<InflateAsideResponse>) => {
    const { id, data } = event.data;
    if (id < 0) started();
    waiting.get(id)?.(data);
    waiting.delete(id);
    heard();
  };
  // Ready when a message has gone there and back: the thread has started, and this thread's
  // messages reach it without waiting for this thread's next turn.
  worker.postMessage({ id: -1, compressed: new Uint8Array(0), size: -1 } satisfies InflateAsideRequest);
  const inflate: NativeInflate = (compressed, size) => {
    if (broken) return Promise.resolve(null);
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      // A copy of the entry's own bytes, moved: posting the view would clone the whole archive.
      const own = compressed.slice();
      worker.postMessage({ id, compressed: own, size } satisfies InflateAsideRequest, [own.buffer]);
      if (silence === undefined) heard();
    });
  };
  return {
    inflate,
    ready,
    get broken() {
      return broken;
    },
  };
}
