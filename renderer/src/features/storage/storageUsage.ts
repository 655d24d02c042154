// How much room Marginalia's data takes, in words a researcher understands, from the browser's
// own estimate (IndexedDB, OPFS backups and caches together).
import { formatBytes } from '../../../../shared/import/limits';
import type { PersistenceState } from './persistentStorage';

export interface StorageUsage {
  usage: number;
  quota: number;
}

export async function readStorageUsage(storage: Partial<StorageManager> | undefined = globalThis.navigator?.storage): Promise<StorageUsage | undefined> {
  if (!storage?.estimate) return undefined;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}

export function describeStorageUsage(usage: StorageUsage | undefined, persistence: PersistenceState): string {
  const kept =
    persistence === 'persisted'
      ? 'The browser keeps this data even when the disk runs low.'
      : persistence === 'best-effort'
        ? 'The browser may delete this data when the disk runs low: save your projects as files.'
        : '';
  if (!usage) return ['Marginalia cannot tell how much space its data takes here.', kept].filter(Boolean).join(' ');
  const share = usage.quota > 0 ? usage.usage / usage.quota : 0;
  const percent = share > 0 && share < 0.01 ? 'less than 1%' : `${Math.round(share * 100)}%`;
  const warning = share >= 0.9 ? ' Space is nearly full: save your projects as files and free some space.' : '';
  return `Marginalia’s data takes ${formatBytes(usage.usage)}, ${percent} of the ${formatBytes(usage.quota)} it may use.${warning}${kept ? ` ${kept}` : ''}`;
}
