// A worker that only deflates, for the project-file worker: it takes a save's texts and its
// project.qde while the project-file worker builds and writes the document, so on two cores the
// two halves of a save run side by side (./deflateWorkers.ts starts it and talks to it).
import { serveDeflating, type DeflateScope } from './deflateService';

serveDeflating(self as unknown as DeflateScope);
