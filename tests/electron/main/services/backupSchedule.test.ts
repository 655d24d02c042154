// When backups are asked for: on a timer, and before quitting or closing a window, where main
// waits for the renderer's answer but never longer than the timeout.
import { describe, expect, it, vi } from 'vitest';
import {
  backUpBeforeClose,
  backUpBeforeQuit,
  createBackupScheduler,
  type BackupTarget,
  type Timers,
} from '../../../../electron/main/services/backupSchedule';
import { eventChannels, type BackupRequest } from '../../../../shared/ipc/contract';

/** Timers the test fires by hand. */
function manualTimers() {
  const intervals = new Map<number, () => void>();
  const timeouts = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setInterval: (callback) => (intervals.set(next, callback), next++),
    clearInterval: (handle) => intervals.delete(handle as number),
    setTimeout: (callback) => (timeouts.set(next, callback), next++),
    clearTimeout: (handle) => timeouts.delete(handle as number),
  };
  return {
    timers,
    tick: () => [...intervals.values()].forEach((f) => f()),
    expireTimeouts: () => [...timeouts.values()].forEach((f) => f()),
    pendingTimeouts: () => timeouts.size,
  };
}

function window() {
  const sent: BackupRequest[] = [];
  const target: BackupTarget & { sent: BackupRequest[] } = {
    sent,
    send: vi.fn((channel: string, payload: BackupRequest) => {
      expect(channel).toBe(eventChannels.onBackupRequested);
      sent.push(payload);
    }),
    isDestroyed: () => false,
  };
  return target;
}

let ids = 0;
const newId = () => `req${++ids}`;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the backup scheduler', () => {
  it('asks every window every interval, and does not overlap a round still running', async () => {
    const a = window();
    const b = window();
    const clock = manualTimers();
    const scheduler = createBackupScheduler({ targets: () => [a, b], timers: clock.timers, newId });
    scheduler.start();
    clock.tick();
    expect(a.sent).toEqual([{ requestId: expect.any(String), reason: 'interval' }]);
    expect(b.sent).toHaveLength(1);
    clock.tick(); // a has not answered yet
    expect(a.sent).toHaveLength(1);
    scheduler.complete(a.sent[0]!.requestId);
    scheduler.complete(b.sent[0]!.requestId);
    await settled();
    clock.tick();
    expect(a.sent).toHaveLength(2);
    scheduler.stop();
    clock.tick();
    expect(a.sent).toHaveLength(2);
  });

  it('resolves a request once every window completed it', async () => {
    const a = window();
    const scheduler = createBackupScheduler({ targets: () => [a], timers: manualTimers().timers, newId });
    let done = false;
    void scheduler.requestBackups('quit').then(() => (done = true));
    await settled();
    expect(done).toBe(false);
    scheduler.complete(a.sent[0]!.requestId);
    await settled();
    expect(done).toBe(true);
  });

  it('gives up waiting on a window that never answers', async () => {
    const clock = manualTimers();
    const scheduler = createBackupScheduler({ targets: () => [window()], timers: clock.timers, newId });
    let done = false;
    void scheduler.requestBackups('quit').then(() => (done = true));
    clock.expireTimeouts();
    await settled();
    expect(done).toBe(true);
  });

  it('skips destroyed windows and windows that fail to receive', async () => {
    const gone = { send: vi.fn(), isDestroyed: () => true };
    const broken = { send: () => { throw new Error('Object has been destroyed'); }, isDestroyed: () => false };
    const clock = manualTimers();
    const scheduler = createBackupScheduler({ targets: () => [gone, broken], timers: clock.timers, newId });
    await scheduler.requestBackups('interval');
    expect(gone.send).not.toHaveBeenCalled();
    expect(clock.pendingTimeouts()).toBe(0);
  });
});

describe('backUpBeforeQuit', () => {
  function fakeApp() {
    let listener: ((event: { preventDefault(): void }) => void) | undefined;
    const app = {
      on: vi.fn((_name: 'before-quit', l: (event: { preventDefault(): void }) => void) => (listener = l)),
      quit: vi.fn(() => {
        const event = { preventDefault: vi.fn() };
        listener!(event);
        return event;
      }),
    };
    return { app, beforeQuit: () => { const event = { preventDefault: vi.fn() }; listener!(event); return event; } };
  }

  it('holds the quit until the final backup is done, then quits for real', async () => {
    const a = window();
    const scheduler = createBackupScheduler({ targets: () => [a], timers: manualTimers().timers, newId });
    const { app, beforeQuit } = fakeApp();
    backUpBeforeQuit(app, scheduler);
    const first = beforeQuit();
    expect(first.preventDefault).toHaveBeenCalled();
    expect(a.sent).toEqual([{ requestId: expect.any(String), reason: 'quit' }]);
    // Pressing quit again while waiting asks nothing more.
    expect(beforeQuit().preventDefault).toHaveBeenCalled();
    expect(a.sent).toHaveLength(1);
    expect(app.quit).not.toHaveBeenCalled();
    scheduler.complete(a.sent[0]!.requestId);
    await settled();
    expect(app.quit).toHaveBeenCalledOnce();
    // The real quit passes through.
    expect(app.quit.mock.results[0]!.value.preventDefault).not.toHaveBeenCalled();
  });

  it('quits anyway when the page never answers', async () => {
    const clock = manualTimers();
    const scheduler = createBackupScheduler({ targets: () => [window()], timers: clock.timers, newId });
    const { app, beforeQuit } = fakeApp();
    backUpBeforeQuit(app, scheduler);
    beforeQuit();
    clock.expireTimeouts();
    await settled();
    expect(app.quit).toHaveBeenCalledOnce();
  });
});

describe('backUpBeforeClose', () => {
  it('asks the closing window for a last backup, then closes it', async () => {
    const contents = window();
    const other = window();
    let listener: ((event: { preventDefault(): void }) => void) | undefined;
    const closing = { webContents: contents, destroy: vi.fn(), on: vi.fn((_n: 'close', l: typeof listener) => (listener = l)) };
    const scheduler = createBackupScheduler({ targets: () => [contents, other], timers: manualTimers().timers, newId });
    backUpBeforeClose(closing, scheduler);
    const event = { preventDefault: vi.fn() };
    listener!(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.sent).toHaveLength(1);
    expect(other.sent).toHaveLength(0);
    scheduler.complete(contents.sent[0]!.requestId);
    await settled();
    expect(closing.destroy).toHaveBeenCalledOnce();
  });
});
