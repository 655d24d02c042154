// A database written by a newer Marginalia: the app says so and opens nothing, and the database
// is left exactly as it was (Dexie on its own would open it and even add tables to it).
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { DATABASE_NAME } from '../../../renderer/src/db/schema';
import { replaceHost } from '../../../renderer/src/host';
import { fakeHost } from '../support/fakeHost';

function createRawDatabase(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => request.result.createObjectStore('projects', { keyPath: 'id' });
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

function storesOf(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const result = { version: db.version, stores: [...db.objectStoreNames] };
      db.close();
      resolve(result);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('opening a database from a newer version', () => {
  it('shows a clear screen instead of an empty app, and leaves the database untouched', async () => {
    // Version 1000 in Dexie's numbering is native 10000; any version above ours will do.
    await createRawDatabase(DATABASE_NAME, 10_000);
    replaceHost(fakeHost());
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'This data was saved by a newer Marginalia' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your projects are still there.');
    expect(screen.queryByRole('combobox', { name: 'Project' })).not.toBeInTheDocument();
    expect(screen.queryByText('Start a project to import sources and code them.')).not.toBeInTheDocument();
    await expect(storesOf(DATABASE_NAME)).resolves.toEqual({ version: 10_000, stores: ['projects'] });
  });
});
