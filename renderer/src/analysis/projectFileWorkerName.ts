// The name the project-file worker is started with (projectFileWorker.ts): the analysis worker's
// script, started under this name, loads the project-file operations at once (analysis.worker.ts).
export const PROJECT_FILE_WORKER_NAME = 'marginalia-project-files';
