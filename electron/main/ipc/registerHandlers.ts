// The only place main listens for IPC. Each contract method gets one handler that first checks who
// is asking (a frame showing the app's own page) and what it asks (the method's zod schema), so
// services only ever see requests that match the contract. The renderer is treated as untrusted.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { channels, mainMethods, type MainMethod, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/requestSchemas';

export type MainHandlers = {
  [M in MainMethod]: (request: RequestOf<M>, sender: WebContents) => Promise<ResponseOf<M>>;
};

// `parseRequest` casts a schema's output to the contract's request type; this fails to compile
// the day a schema and the contract drift apart.
type SchemaMatchesContract = { [M in MainMethod]: z.output<(typeof requestSchemas)[M]> extends RequestOf<M> ? true : never };
const schemasMatchContract: SchemaMatchesContract = {
  openSourceFiles: true,
  saveFile: true,
  getAppInfo: true,
  saveProjectFile: true,
  openProjectFile: true,
  linkProjectFile: true,
  getProjectFileName: true,
  writeBackup: true,
  listBackups: true,
  readBackup: true,
  completeBackupRequest: true,
  showProject: true,
  openExternalLink: true,
  setMenuCommands: true,
};
void schemasMatchContract;

const MAX_ERROR_LENGTH = 500;

export function parseRequest<M extends MainMethod>(method: M, args: readonly unknown[]): RequestOf<M> {
  if (args.length > 1) throw new Error(`Invalid request for ${method}: expected one argument, got ${args.length}.`);
  const result = requestSchemas[method].safeParse(args[0]);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid request for ${method}: ${problems}`.slice(0, MAX_ERROR_LENGTH));
  }
  return result.data as RequestOf<M>;
}

export function assertTrustedSender(method: MainMethod, event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): void {
  // senderFrame is null when the frame navigated away or was destroyed before the call arrived.
  const url = event.senderFrame?.url;
  if (!url || !isAppUrl(url)) {
    throw new Error(`Refused ${method}: the request did not come from Marginalia's own page.`);
  }
}

/** Registers a handler per contract method; returns a function that removes them all. */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: MainHandlers,
  isAppUrl: (url: string) => boolean,
): () => void {
  const register = <M extends MainMethod>(method: M): void => {
    const handler: MainHandlers[M] = handlers[method];
    ipcMain.handle(channels[method], (event, ...args: unknown[]) => {
      assertTrustedSender(method, event, isAppUrl);
      return handler(parseRequest(method, args), event.sender);
    });
  };
  for (const method of mainMethods) register(method);
  return () => {
    for (const method of mainMethods) ipcMain.removeHandler(channels[method]);
  };
}
