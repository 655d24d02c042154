import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { saveFile } from '../../../../electron/main/services/saveFile';
import type { SaveFileRequest } from '../../../../shared/ipc/contract';

const request: SaveFileRequest = {
  suggestedName: 'codebook.qdc',
  content: '<CodeBook/>',
  filters: [{ name: 'REFI-QDA codebook', extensions: ['qdc'] }],
};

describe('saveFile', () => {
  it('offers the suggested name in the default folder, with the filters', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    await saveFile(request, { showSaveDialog, writeFile: vi.fn(), defaultDirectory: join('/home', 'ada', 'Documents') });
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join('/home', 'ada', 'Documents', 'codebook.qdc'), filters: request.filters }),
    );
  });

  it('writes nothing and says so when the user cancels', async () => {
    const writeFile = vi.fn();
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    await expect(saveFile(request, { showSaveDialog, writeFile })).resolves.toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('treats an empty choice as a cancel', async () => {
    const writeFile = vi.fn();
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '' }));
    await expect(saveFile(request, { showSaveDialog, writeFile })).resolves.toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('writes the content where the user chose and returns only the file name', async () => {
    const chosen = join('/home', 'ada', 'exports', 'my codebook.qdc');
    const writeFile = vi.fn(async () => undefined);
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: chosen }));
    await expect(saveFile(request, { showSaveDialog, writeFile })).resolves.toEqual({ saved: true, fileName: 'my codebook.qdc' });
    expect(writeFile).toHaveBeenCalledWith(chosen, '<CodeBook/>');
  });

  it('lets a write failure reach the caller', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/read-only/x.qdc' }));
    const writeFile = vi.fn(async () => {
      throw new Error('EROFS: read-only file system');
    });
    await expect(saveFile(request, { showSaveDialog, writeFile })).rejects.toThrow('EROFS');
  });
});
