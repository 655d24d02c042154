// Builds the renderer's whole view of main from the contract's channel map: one function per
// method, each forwarding its single request argument. No raw IPC, no generic send.
import { channels, COMMAND_ID_PATTERN, eventChannels, mainMethods, type MainApi, type MainEvents } from '../../shared/ipc/contract';

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

/** Subscribes to one channel's messages from main (the message's arguments after the event). */
export type Subscribe = (channel: string, listener: (...args: unknown[]) => void) => () => void;

/** The events main sends, as `onX(callback) → unsubscribe`; a malformed message is dropped, never passed on. */
export function buildMainEvents(subscribe: Subscribe): MainEvents {
  return {
    onMenuCommand: (callback) =>
      subscribe(eventChannels.onMenuCommand, (commandId) => {
        if (typeof commandId === 'string' && commandId.length <= 80 && COMMAND_ID_PATTERN.test(commandId)) callback(commandId);
      }),
  };
}
