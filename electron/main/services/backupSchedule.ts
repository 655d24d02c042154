// When backups happen: main asks each window for snapshots of its changed projects every few
// minutes, and once more when the app quits or a window closes. The renderer answers by writing
// backups (writeBackup) and then completing the request; main waits for that, but never longer
// than a timeout, so a stuck page can never keep the app from quitting.
import { randomUUID } from 'node:crypto';
import { eventChannels, type BackupRequest } from '../../../shared/ipc/contract';

export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;
/** Long enough to serialise and write a big project; short enough that quitting never feels hung. */
export const BACKUP_REPLY_TIMEOUT_MS = 20 * 1000;

/** The part of a window's WebContents the scheduler talks to. */
export interface BackupTarget {
  send(channel: string, payload: BackupRequest): void;
  isDestroyed(): boolean;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BackupSchedulerOptions {
  targets: () => BackupTarget[];
  intervalMs?: number;
  replyTimeoutMs?: number;
  timers?: Timers;
  newId?: () => string;
}

export interface BackupScheduler {
  /** Starts asking every `intervalMs`. */
  start(): void;
  stop(): void;
  /** Asks the given windows (all by default) and resolves once each answered or timed out. */
  requestBackups(reason: BackupRequest['reason'], targets?: BackupTarget[]): Promise<void>;
  /** The renderer's answer to one request (`completeBackupRequest`). */
  complete(requestId: string): void;
}

export function createBackupScheduler({
  targets,
  intervalMs = BACKUP_INTERVAL_MS,
  replyTimeoutMs = BACKUP_REPLY_TIMEOUT_MS,
  timers = realTimers,
  newId = randomUUID,
}: BackupSchedulerOptions): BackupScheduler {
  const pending = new Map<string, () => void>();
  let interval: unknown;
  let round: Promise<void> | undefined;

  const ask = (target: BackupTarget, reason: BackupRequest['reason']): Promise<void> =>
    new Promise<void>((resolve) => {
      const requestId = newId();
      const timeout = timers.setTimeout(() => finish(), replyTimeoutMs);
      function finish(): void {
        timers.clearTimeout(timeout);
        pending.delete(requestId);
        resolve();
      }
      pending.set(requestId, finish);
      try {
        target.send(eventChannels.onBackupRequested, { requestId, reason });
      } catch {
        finish(); // the window went away between listing and sending
      }
    });

  const requestBackups: BackupScheduler['requestBackups'] = async (reason, chosen) => {
    const live = (chosen ?? targets()).filter((target) => !target.isDestroyed());
    await Promise.all(live.map((target) => ask(target, reason)));
  };

  return {
    start() {
      if (interval !== undefined) return;
      interval = timers.setInterval(() => {
        // A slow round (a big project) is not overlapped by the next one.
        if (round) return;
        round = requestBackups('interval').finally(() => {
          round = undefined;
        });
      }, intervalMs);
    },
    stop() {
      if (interval !== undefined) timers.clearInterval(interval);
      interval = undefined;
    },
    requestBackups,
    complete(requestId) {
      pending.get(requestId)?.();
    },
  };
}

/** The part of Electron's `app` the quit guard needs. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the first quit until every window answered a final backup request (or timed out), then
 * quits for real. A second quit while waiting (the user pressing Cmd+Q again) just waits too.
 */
export function backUpBeforeQuit(app: QuittingApp, scheduler: BackupScheduler): void {
  let state: 'running' | 'backing-up' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'backing-up') return;
    state = 'backing-up';
    scheduler.stop();
    void scheduler.requestBackups('quit').finally(() => {
      state = 'done';
      app.quit();
    });
  });
}

/** The part of a BrowserWindow the close guard needs. */
export interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  destroy(): void;
  webContents: BackupTarget;
}

/**
 * Closing a window (the usual way to quit on Windows and Linux) takes a last backup of what it
 * shows first: by `before-quit` the page would already be gone.
 */
export function backUpBeforeClose(window: ClosingWindow, scheduler: BackupScheduler): void {
  let state: 'open' | 'backing-up' | 'done' = 'open';
  window.on('close', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'backing-up') return;
    state = 'backing-up';
    void scheduler.requestBackups('quit', [window.webContents]).finally(() => {
      state = 'done';
      window.destroy();
    });
  });
}
