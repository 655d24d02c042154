// The project-file actions of the running app, bound once: the host it runs on, the project-file
// worker (reads the database and writes or reads the .qdpx off the page thread), the project list
// and the change stamp backups compare.
import { getHost } from '../../host';
import { getProjectFileWorker } from '../../analysis/projectFileWorker';
import { listProjects } from '../../db/queries';
import { projectChangeStamp } from '../../db/operations/projectFiles';
import { bindProjectFileActions, type BoundProjectFileActions } from './projectFileActions';

let actions: BoundProjectFileActions | undefined;

export function getProjectFileActions(): BoundProjectFileActions {
  actions ??= bindProjectFileActions({
    host: getHost(),
    writeProjectFile: (projectId, onProgress) => getProjectFileWorker().writeProjectFile(projectId, onProgress),
    writeProjectBackup: (projectId) => getProjectFileWorker().writeProjectBackup(projectId),
    importQdpx: (_fileName, bytes, onProgress) => getProjectFileWorker().openProjectFile(bytes, onProgress),
    listProjects,
    changeStampOf: projectChangeStamp,
  });
  return actions;
}
