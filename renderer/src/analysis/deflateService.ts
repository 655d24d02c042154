// What a deflate worker does with the requests it gets (./deflate.worker.ts runs it on its own
// thread; tests run it on a message port): texts, chunks and streamed entries deflated by the
// platform, each answered with its size, checksum and deflated bytes.
import { entryDeflater, type DeflatedEntry, type EntryStream } from '../../../shared/refi/qdpxWrite';
import { crc32 } from '../../../shared/refi/crc32';
import { errorMessage } from '../../../shared/errors/errorMessage';
import { deflateNative, deflateStreamNative } from './nativeCompression';
import type { DeflateRequest, DeflateResponse } from './deflateMessages';

export interface DeflateScope {
  onmessage: ((event: MessageEvent<DeflateRequest>) => void) | null;
  postMessage(message: DeflateResponse, transfer?: Transferable[]): void;
}

export function serveDeflating(scope: DeflateScope): void {
  const deflater = entryDeflater(deflateNative, deflateStreamNative);
  const utf8 = new TextEncoder();
  const streams = new Map<number, EntryStream>();
  const answer = (id: number, work: Promise<DeflatedEntry>): void => {
    work.then(
      // The deflated bytes move to the asker instead of being copied.
      (entry) => scope.postMessage({ id, ok: true, entry }, [entry.compressed.buffer]),
      (error: unknown) => scope.postMessage({ id, ok: false, message: errorMessage(error) }),
    );
  };
  scope.onmessage = ({ data }) => {
    switch (data.op) {
      case 'text': {
        const bytes = utf8.encode(data.text);
        if (data.unless && data.unless.size === bytes.byteLength && data.unless.crc === crc32([bytes])) scope.postMessage({ id: data.id, ok: true, same: true });
        else answer(data.id, deflater.deflate([bytes]));
        break;
      }
      case 'chunks':
        answer(data.id, deflater.deflate(data.chunks));
        break;
      case 'push': {
        let stream = streams.get(data.id);
        if (!stream) {
          stream = deflater.stream();
          streams.set(data.id, stream);
        }
        stream.push(data.chunk);
        break;
      }
      case 'end': {
        const stream = streams.get(data.id) ?? deflater.stream();
        streams.delete(data.id);
        answer(data.id, stream.end());
        break;
      }
    }
  };
  scope.postMessage({ ready: true });
}
