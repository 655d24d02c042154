// Saves an export the renderer produced: the user chooses where in a save dialog, main writes the
// file atomically. The renderer only ever learns the chosen file's name, never its path.
import { basename, join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '../../../shared/ipc/contract';

export interface SaveFileDeps {
  showSaveDialog: (options: SaveDialogOptions) => Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  writeFile: (path: string, content: string | Uint8Array) => Promise<void>;
  /** Where the dialog opens, e.g. the user's Documents folder. */
  defaultDirectory?: string | undefined;
}

export async function saveFile(
  { suggestedName, content, filters }: SaveFileRequest,
  { showSaveDialog, writeFile, defaultDirectory }: SaveFileDeps,
): Promise<SaveFileResult> {
  const choice = await showSaveDialog({
    title: 'Save',
    defaultPath: defaultDirectory ? join(defaultDirectory, suggestedName) : suggestedName,
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeFile(choice.filePath, content);
  return { saved: true, fileName: basename(choice.filePath) };
}
