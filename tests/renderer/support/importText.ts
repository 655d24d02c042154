// Stores a plain-text source the way the import dialog does once a file is read (`importDocument`,
// one commit), for tests that need a source to code and do not care how its bytes were decoded.
import { importDocument } from '../../../renderer/src/db/operations/imports';

/** Imports `text` as a UTF-8 source named `name`; resolves to the new source id. */
export function importText(projectId: string, name: string, text: string): Promise<string> {
  const byteSize = new TextEncoder().encode(text).byteLength;
  return importDocument(projectId, { name, text, encoding: 'UTF-8', byteSize, format: 'text' });
}
