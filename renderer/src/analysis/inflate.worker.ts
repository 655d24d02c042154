// A second thread for the project-file worker: inflates a .qdpx's entries while that worker parses
// the project file (the platform's inflater runs on the thread that calls it, so entries inflated
// on the same thread would wait for the parse). Bytes in, bytes out, each moved, never copied.
import { inflateNative } from './nativeCompression';
import type { InflateAsideRequest, InflateAsideResponse } from './inflateAside';

const scope = self as unknown as { onmessage: ((event: MessageEvent<InflateAsideRequest>) => void) | null; postMessage(message: InflateAsideResponse, transfer?: Transferable[]): void };

scope.onmessage = (event) => {
  const { id, compressed, size } = event.data;
  // A ping (no size): answered at once, so the other thread knows its messages arrive.
  if (size < 0) scope.postMessage({ id, data: null });
  else void inflateNative(compressed, size).then((data) => scope.postMessage({ id, data }, data ? [data.buffer] : []));
};
