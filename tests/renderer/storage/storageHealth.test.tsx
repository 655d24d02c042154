// Storage health: persistence asked for, usage in words, and a full disk turned into a clear
// message with a way out ("Save project as").
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notices } from '../../../renderer/src/features/common/Notices';
import { requestPersistentStorage } from '../../../renderer/src/features/storage/persistentStorage';
import { QUOTA_MESSAGE, isQuotaError } from '../../../renderer/src/features/storage/quotaError';
import { registerSaveProjectAs } from '../../../renderer/src/features/storage/saveProjectAsPrompt';
import { describeStorageUsage } from '../../../renderer/src/features/storage/storageUsage';
import { reportError, useUiStore } from '../../../renderer/src/stores/uiStore';
import { assertDatabaseNotNewer, NewerDatabaseError, nativeVersionOf } from '../../../renderer/src/app/databaseVersion';

afterEach(() => act(() => useUiStore.setState({ notices: [] })));

describe('requestPersistentStorage', () => {
  it('asks once when storage is not yet persistent, and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    await expect(requestPersistentStorage({ persisted: async () => false, persist })).resolves.toBe('persisted');
    expect(persist).toHaveBeenCalledOnce();
    await expect(requestPersistentStorage({ persisted: async () => false, persist: async () => false })).resolves.toBe('best-effort');
    const notAsked = vi.fn();
    await expect(requestPersistentStorage({ persisted: async () => true, persist: notAsked })).resolves.toBe('persisted');
    expect(notAsked).not.toHaveBeenCalled();
    await expect(requestPersistentStorage({})).resolves.toBe('unsupported');
  });
});

describe('describeStorageUsage', () => {
  it('says how much is used, of how much, and whether the browser keeps it', () => {
    expect(describeStorageUsage({ usage: 12.5 * 1024 * 1024, quota: 2 * 1024 ** 3 }, 'persisted')).toBe(
      'Marginalia’s data takes 12.5 MB, less than 1% of the 2 GB it may use. The browser keeps this data even when the disk runs low.',
    );
    expect(describeStorageUsage({ usage: 950, quota: 1000 }, 'best-effort')).toBe(
      'Marginalia’s data takes 950 bytes, 95% of the 1000 bytes it may use. Space is nearly full: save your projects as files and free some space. The browser may delete this data when the disk runs low: save your projects as files.',
    );
    expect(describeStorageUsage(undefined, 'unsupported')).toBe('Marginalia cannot tell how much space its data takes here.');
  });
});

describe('quota errors', () => {
  it('recognises a full disk however IndexedDB and Dexie wrap it', () => {
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quota }))).toBe(true);
    expect(isQuotaError(new Error('Quota exceeded'))).toBe(false);
    expect(isQuotaError({ name: 'ConstraintError' })).toBe(false);
  });

  it('turns one into a clear message with a Save project as button', async () => {
    const saveProjectAs = vi.fn();
    const unregister = registerSaveProjectAs(saveProjectAs);
    render(<Notices />);
    act(() => reportError({ name: 'AbortError', inner: new DOMException('', 'QuotaExceededError') }));
    expect(screen.getByRole('alert')).toHaveTextContent(QUOTA_MESSAGE);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save project as' }));
    expect(saveProjectAs).toHaveBeenCalledOnce();
    unregister();
  });

  it('shows no button that would do nothing when Save project as is not available', () => {
    render(<Notices />);
    act(() => reportError(new DOMException('', 'QuotaExceededError')));
    expect(screen.getByRole('alert')).toHaveTextContent(QUOTA_MESSAGE);
    expect(screen.queryByRole('button', { name: 'Save project as' })).not.toBeInTheDocument();
  });
});

describe('assertDatabaseNotNewer', () => {
  it('accepts a missing, older or equal database and refuses a newer one', async () => {
    const name = `version-${crypto.randomUUID()}`;
    await expect(assertDatabaseNotNewer(name, 8)).resolves.toBeUndefined();
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(name, nativeVersionOf(8));
      request.onsuccess = () => (request.result.close(), resolve());
    });
    await expect(assertDatabaseNotNewer(name, 8)).resolves.toBeUndefined();
    await expect(assertDatabaseNotNewer(name, 9)).resolves.toBeUndefined();
    await expect(assertDatabaseNotNewer(name, 7)).rejects.toBeInstanceOf(NewerDatabaseError);
  });
});
