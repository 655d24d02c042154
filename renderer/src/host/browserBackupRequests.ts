// In the browser there is no main process to drive backups: the page asks itself, every few
// minutes and when it is hidden (the last moment a closing tab reliably gets), through the same
// `onBackupRequested` event the Electron host receives from main.
import type { BackupRequest } from '../../../shared/ipc/contract';

export const BROWSER_BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export interface BrowserBackupRequestOptions {
  doc: Document;
  intervalMs?: number;
  newId?: () => string;
}

export function browserBackupRequests({
  doc,
  intervalMs = BROWSER_BACKUP_INTERVAL_MS,
  newId = () => crypto.randomUUID(),
}: BrowserBackupRequestOptions): (callback: (request: BackupRequest) => void) => () => void {
  const subscribers = new Set<(request: BackupRequest) => void>();
  let interval: ReturnType<typeof setInterval> | undefined;
  const emit = (reason: BackupRequest['reason']): void => {
    const request = { requestId: newId(), reason };
    for (const subscriber of subscribers) subscriber(request);
  };
  const onVisibility = (): void => {
    if (doc.visibilityState === 'hidden') emit('quit');
  };
  return (callback) => {
    subscribers.add(callback);
    if (subscribers.size === 1) {
      interval = setInterval(() => emit('interval'), intervalMs);
      doc.addEventListener('visibilitychange', onVisibility);
    }
    return () => {
      subscribers.delete(callback);
      if (subscribers.size === 0) {
        clearInterval(interval);
        doc.removeEventListener('visibilitychange', onVisibility);
      }
    };
  };
}
