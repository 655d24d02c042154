// Files picked or dropped in the browser (and dropped in Electron): sizes are checked before any
// byte is read, and a file that reports 0 bytes (empty, or a FIFO or device that would never
// finish reading) is not read at all.
import { describe, expect, it, vi } from 'vitest';
import { readPicked } from '../../../renderer/src/host/browserHost';

function file(name: string, size: number, content = new Uint8Array(size)) {
  return { name, size, arrayBuffer: vi.fn(async () => content.slice().buffer) } as unknown as File & { arrayBuffer: ReturnType<typeof vi.fn> };
}

describe('readPicked', () => {
  it('reads nothing from a file that reports 0 bytes, and hands on an empty file', async () => {
    const pipe = file('pipe.txt', 0);
    pipe.arrayBuffer.mockImplementation(() => new Promise(() => undefined)); // a FIFO: never ends
    expect(await readPicked([pipe])).toEqual([{ name: 'pipe.txt', byteSize: 0, bytes: new Uint8Array() }]);
    expect(pipe.arrayBuffer).not.toHaveBeenCalled();
  });

  it('refuses a file over the limit without reading it, and reads the others', async () => {
    const huge = file('video.txt', 200 * 1024 * 1024, new Uint8Array(1));
    const fine = file('notes.txt', 2, new Uint8Array([104, 105]));
    const picked = await readPicked([huge, fine]);
    expect(picked[0]).toEqual({ name: 'video.txt', byteSize: 200 * 1024 * 1024, error: 'The file is larger than the 100 MB limit.' });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(picked[1]).toEqual({ name: 'notes.txt', byteSize: 2, bytes: new Uint8Array([104, 105]) });
  });
});
