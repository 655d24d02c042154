// The search worker: one search per worker, its hits posted as they are found. The page starts a
// new one for every search and terminates it when a regular expression runs past its time limit.
import { errorMessage } from '../../../shared/errors/errorMessage';
import { runProjectSearch, type SearchMessage, type SearchRequest } from './projectSearch';
import { getDb } from '../db/db';

// A worker may be started ahead of its search (searchClient.ts `prepareSearchWorker`): the
// database connection is opened now, so the search does not wait for it.
getDb()
  .open()
  .catch(() => undefined);

const scope = self as unknown as { onmessage: ((event: MessageEvent<SearchRequest>) => void) | null; postMessage(message: SearchMessage): void };

scope.onmessage = (event) => {
  runProjectSearch(event.data, (message) => scope.postMessage(message)).catch((error: unknown) => scope.postMessage({ kind: 'refused', message: errorMessage(error) }));
};
