// Builds the renderer's whole view of main from the contract's channel maps: one function per
// method, each forwarding its single request argument, and one `onX(callback) → unsubscribe` per
// event. No raw IPC, no generic send, and the IPC event object never reaches the page.
import {
  channels,
  eventChannels,
  mainEvents,
  mainMethods,
  type EventApi,
  type MainApi,
  type MainEvent,
  type PreloadApi,
} from '../../shared/ipc/contract';

export type Invoke = (channel: string, request: unknown) => Promise<unknown>;

export function buildMainApi(invoke: Invoke): MainApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of mainMethods) {
    const channel = channels[method];
    // Only the first argument crosses: main rejects anything else anyway.
    api[method] = (request?: unknown) => invoke(channel, request);
  }
  // TypeScript cannot type an object filled in a loop; `mainMethods` covers every MainApi key.
  return api as unknown as MainApi;
}

export type Listen = (channel: string, listener: (event: unknown, payload: unknown) => void) => void;

/**
 * Events the preload holds until the page subscribes: a file double-clicked to start the app
 * arrives before React has mounted. Backup requests are not held: a stale one is worthless.
 */
const HELD_EVENTS: ReadonlySet<MainEvent> = new Set<MainEvent>(['onOpenProjectFile']);

export function buildEventApi(listen: Listen): EventApi {
  const api: Record<string, (callback: (payload: unknown) => void) => () => void> = {};
  for (const name of mainEvents) {
    const subscribers = new Set<(payload: unknown) => void>();
    const held: unknown[] = [];
    // One IPC listener per event for the preload's lifetime; subscribers come and go behind it.
    listen(eventChannels[name], (_event, payload) => {
      if (subscribers.size === 0) {
        if (HELD_EVENTS.has(name)) held.push(payload);
        return;
      }
      for (const subscriber of subscribers) subscriber(payload);
    });
    api[name] = (callback) => {
      subscribers.add(callback);
      for (const payload of held.splice(0)) callback(payload);
      return () => {
        subscribers.delete(callback);
      };
    };
  }
  return api as unknown as EventApi;
}

export function buildPreloadApi(invoke: Invoke, listen: Listen): PreloadApi {
  return { ...buildMainApi(invoke), ...buildEventApi(listen) };
}
