// "Export original file": saves the file a source was imported from, byte for byte, through the
// host (main's save dialog in the desktop app, a download in the browser build).
import { readSourceOriginal } from '../../db/operations/sources';
import { getHost } from '../../host';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { originalFileName } from '../../../../shared/export/exportFileName';

export async function exportOriginal(sourceId: string): Promise<SaveFileResult> {
  const original = await readSourceOriginal(sourceId);
  if (!original) throw new Error('This source has no original file: it was stored before originals were kept, or made from a survey.');
  return getHost().saveFile({
    suggestedName: originalFileName(original.name, original.extension),
    content: original.bytes,
    filters: [{ name: `${original.extension.toUpperCase()} file`, extensions: [original.extension] }],
  });
}
