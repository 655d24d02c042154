// The messages between the project-file worker and the workers that deflate for it
// (./deflateWorkers.ts, ./deflate.worker.ts). A streamed entry is a run of `push` under one id,
// closed by `end`; every other request is answered at once, under its id.
import type { DeflatedEntry } from '../../../shared/refi/qdpxWrite';

export type DeflateRequest =
  /**
   * A source's text, encoded as UTF-8 there (the encoding and the copy are that worker's time).
   * With `unless`, the size and checksum of the text as the last save deflated it: when they are
   * this text's, the answer is `same` and nothing is deflated.
   */
  | { id: number; op: 'text'; text: string; unless?: { size: number; crc: number } }
  | { id: number; op: 'chunks'; chunks: readonly Uint8Array[] }
  | { id: number; op: 'push'; chunk: Uint8Array }
  | { id: number; op: 'end' };

export type DeflateResponse =
  /** Posted once the worker's script runs: until then nothing is handed to it that cannot be sent again. */
  | { ready: true }
  | { id: number; ok: true; entry: DeflatedEntry }
  | { id: number; ok: true; same: true }
  | { id: number; ok: false; message: string };
