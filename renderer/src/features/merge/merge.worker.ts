// The merge worker: reads a colleague's .qdpx, reads the open project from IndexedDB, plans the
// merge (reporting progress as it goes) and keeps the plan until the page says to commit it, so
// neither a 100,000-coding plan nor the work of making it ever touches the page thread.
import { errorMessage } from '../../../../shared/errors/errorMessage';
import type { ProjectSnapshot } from '../../../../shared/model/snapshot';
import { setCurrentCoderSource } from '../../db/operations/currentCoder';
import { readMergeTarget } from '../../db/operations/mergeProject';
import type { MergeReply, MergeRequest } from './mergeMessages';
import { commitMerge, planMergeOfFile, type PlannedMerge } from './mergeRun';

const scope = self as unknown as { onmessage: ((event: MessageEvent<MergeRequest>) => void) | null; postMessage(message: MergeReply): void };

let planned: PlannedMerge | null = null;
/** The project, read ahead while the file is chosen. */
let ahead: { projectId: string; read: Promise<ProjectSnapshot> } | null = null;
/** Progress is posted at most this often (ms): a message per step is plenty for a bar. */
const PROGRESS_EVERY = 50;

scope.onmessage = ({ data }) => {
  const fail = (error: unknown): void => scope.postMessage({ type: 'failed', message: errorMessage(error) });
  if (data.type === 'prepare') {
    ahead = { projectId: data.projectId, read: readMergeTarget(data.projectId) };
    return;
  }
  if (data.type === 'plan') {
    let last = 0;
    planned = null;
    const ours = ahead?.projectId === data.projectId ? ahead.read : undefined;
    ahead = null;
    planMergeOfFile(data.projectId, data.bytes, (fraction, step) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY && fraction < 1) return;
      last = now;
      scope.postMessage({ type: 'progress', fraction, step });
    }, ours).then((result) => {
      planned = result;
      scope.postMessage({ type: 'planned', summary: result.summary });
    }, fail);
    return;
  }
  if (!planned) {
    fail(new Error('There is no merge to commit: choose the file again.'));
    return;
  }
  const coder = data.coder;
  setCurrentCoderSource(coder ? () => coder : null);
  commitMerge(planned, data.fileName).then(() => {
    planned = null;
    scope.postMessage({ type: 'committed' });
  }, fail);
};
