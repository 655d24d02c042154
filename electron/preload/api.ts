// Builds the renderer's whole view of main from the contract's channel map: one function per
// method, each forwarding its single request argument. No raw IPC, no generic send.
import { channels, mainMethods, type MainApi } from '../../shared/ipc/contract';

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
