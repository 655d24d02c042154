// Raw deflate through the platform's own zlib (DecompressionStream, CompressionStream): what the
// project-file worker uses for .qdpx entries, several times faster than inflating and deflating
// in JavaScript on a big project. Where the platform lacks 'deflate-raw', the callers fall back
// to the JavaScript paths of shared/refi, which give the same results.
import type { NativeInflate } from '../../../shared/refi/qdpxArchive';
import type { NativeDeflateStream } from '../../../shared/refi/qdpxWrite';

/** Chunks as a stream a (De)CompressionStream takes (its input type is BufferSource). */
function streamOf(chunks: readonly Uint8Array[]): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      // The views are read, never kept: whatever buffer they sit on is fine.
      for (const chunk of chunks) controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
}

/** True where the platform can inflate and deflate raw deflate data itself. */
export function hasNativeDeflate(): boolean {
  try {
    new DecompressionStream('deflate-raw');
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/**
 * Inflates into exactly `size` bytes; null when the data gives more or fewer, or is damaged. It
 * stops reading the moment the output would pass `size`, so a lying size costs no memory.
 */
export const inflateNative: NativeInflate = async (compressed, size) => {
  const out = new Uint8Array(size);
  let at = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = streamOf([compressed]).pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.byteLength > size) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      out.set(value, at);
      at += value.byteLength;
    }
  } catch {
    return null;
  }
  return at === size ? out : null;
};

/** Raw deflate of the chunks, in order, as one stream. */
export function deflateNative(chunks: readonly Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  return readAll(streamOf(chunks).pipeThrough(new CompressionStream('deflate-raw')));
}

/**
 * Raw deflate of chunks as they come: each is deflated when this thread is next free, not all at
 * the end (the deflate worker takes project.qde this way while the writer is still writing it).
 * The same bytes as `deflateNative` of all the chunks.
 */
export const deflateStreamNative: NativeDeflateStream = () => {
  const compression = new CompressionStream('deflate-raw');
  const writer = compression.writable.getWriter();
  const deflated = readAll(compression.readable);
  // Read as the chunks are written; a failure shows in `end` (writes and close fail with it).
  deflated.catch(() => undefined);
  return {
    push: (chunk) => void writer.write(chunk as Uint8Array<ArrayBuffer>).catch(() => undefined),
    end: async () => {
      await writer.close();
      return deflated;
    },
  };
};

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
