// A project to analyse, written through the named operations: two sources (the second listed
// first), a code with a subcode, another code, and codings both folded into blocks and as recent
// rows, so the inline client reads both layouts.
import type { Code, Coding } from '../../../shared/model/types';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { addFoldedCodings } from '../support/storeCodings';
import { getDb } from '../../../renderer/src/db/db';

export const DIARY = 'Monday. The bus was late again and I missed the clinic. Tuesday. Walked home in the dark.';
export const NOTES = 'The driver said the route will close. Nobody asked the riders.';

export interface AnalysisProject {
  projectId: string;
  diaryId: string;
  notesId: string;
  access: Code;
  night: Code;
  safety: Code;
}

export function spanOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

export async function seedAnalysisProject(): Promise<AnalysisProject> {
  const projectId = (await createProject('Analysis')).id;
  const diaryId = await importDocument(projectId, { name: 'diary.txt', text: DIARY, encoding: 'UTF-8', byteSize: DIARY.length, format: 'text' });
  const notesId = await importDocument(projectId, { name: 'notes.txt', text: NOTES, encoding: 'UTF-8', byteSize: NOTES.length, format: 'text' });
  // notes.txt is listed first: reading order follows the list, not the import.
  await getDb().sources.update(notesId, { order: -1 });
  const access = await createCode({ projectId, name: 'Access' });
  const night = await createCode({ projectId, name: 'Night travel', parentId: access.id });
  const safety = await createCode({ projectId, name: 'Safety' });
  // Recent rows (interactive coding)…
  await applyCode({ sourceId: diaryId, ...spanOf(DIARY, 'The bus was late again') }, access.id, 'Ada');
  await applyCode({ sourceId: diaryId, ...spanOf(DIARY, 'Walked home in the dark.') }, night.id, 'Ada');
  await applyCode({ sourceId: diaryId, ...spanOf(DIARY, 'home in the dark') }, safety.id, 'Ada');
  // …and a folded block (an import).
  const coding = (sourceId: string, text: string, codeId: string, phrase: string): Coding => ({
    id: crypto.randomUUID(),
    projectId,
    sourceId,
    codeId,
    ...spanOf(text, phrase),
    exact: phrase,
    prefix: '',
    suffix: '',
    coder: 'Ben',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  await addFoldedCodings([
    coding(notesId, NOTES, access.id, 'the route will close'),
    coding(notesId, NOTES, safety.id, 'route will close. Nobody'),
    coding(notesId, NOTES, safety.id, 'Nobody asked the riders.'),
  ]);
  return { projectId, diaryId, notesId, access, night, safety };
}
