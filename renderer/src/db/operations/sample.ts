// Seeds the bundled sample project on the very first run, so a newcomer opens a coded project.
// Runs once per installation: deleting the sample later does not bring it back.
import type { Code, Coding, Project, Source, SourceText } from '../../../../shared/model/types';
import { CODE_PALETTE } from '../../../../shared/codebook/palette';
import { normaliseImportedText } from '../../../../shared/text/normalise';
import { quoteAt } from '../../../../shared/text/quote';
import { SAMPLE_CODES, SAMPLE_CODINGS, SAMPLE_PROJECT_NAME, SAMPLE_SOURCES } from '../../sample/sampleProject';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import type { ChangeSet } from '../../../../shared/model/changeSet';
import { getDb } from '../db';
import { commit } from './commit';
import { FIRST_RUN_DONE_KEY, getSetting, setSetting } from './settings';
import { newId, nowIso } from './now';

/** Returns the sample project's id when it was created now, otherwise null. */
/** `coder`: the coder id its codings carry, or how to find it once the project has its id. */
export async function seedSampleProjectOnFirstRun(coder: string | ((projectId: string) => string)): Promise<string | null> {
  if (await getSetting(FIRST_RUN_DONE_KEY)) return null;
  // Someone who already has projects (e.g. from an older version) is no newcomer.
  if ((await getDb().projects.count()) === 0) {
    const { project, changes } = planSampleProject(coder);
    // Not a history step: the sample is where the history starts.
    await commit(project.id, 'Create the sample project', () => changes, { history: false });
    await setSetting(FIRST_RUN_DONE_KEY, true);
    return project.id;
  }
  await setSetting(FIRST_RUN_DONE_KEY, true);
  return null;
}

function planSampleProject(coderOf: string | ((projectId: string) => string)): { project: Project; changes: ChangeSet } {
  const now = nowIso();
  const project: Project = { id: newId(), name: SAMPLE_PROJECT_NAME, createdAt: now, updatedAt: now };
  const coder = typeof coderOf === 'string' ? coderOf : coderOf(project.id);
  const sourceIds = new Map<string, string>();
  const texts = new Map<string, string>();
  const sources: Source[] = [];
  const sourceTexts: SourceText[] = [];
  SAMPLE_SOURCES.forEach((sample, index) => {
    const id = newId();
    const text = normaliseImportedText(sample.text);
    sourceIds.set(sample.key, id);
    texts.set(sample.key, text);
    sources.push({ id, projectId: project.id, name: sample.name, length: text.length, encoding: 'UTF-8', byteSize: new TextEncoder().encode(sample.text).byteLength, importedAt: now, order: index + 1 });
    sourceTexts.push({ sourceId: id, projectId: project.id, text });
  });
  const codeIds = new Map<string, string>();
  for (const sample of SAMPLE_CODES) codeIds.set(sample.key, newId());
  const codes: Code[] = SAMPLE_CODES.map((sample, index) => ({
    id: codeIds.get(sample.key)!,
    projectId: project.id,
    parentId: sample.parent === undefined ? null : codeIds.get(sample.parent)!,
    name: sample.name,
    description: sample.description,
    color: CODE_PALETTE[index % CODE_PALETTE.length]!,
    order: index + 1,
    createdAt: now,
  }));
  const codings: Coding[] = SAMPLE_CODINGS.map((sample) => {
    const text = texts.get(sample.source)!;
    const start = text.indexOf(sample.quote);
    if (start < 0) throw new Error(`Sample quote not found: ${sample.quote}`);
    const end = start + sample.quote.length;
    return {
      id: newId(),
      projectId: project.id,
      sourceId: sourceIds.get(sample.source)!,
      codeId: codeIds.get(sample.code)!,
      start,
      end,
      ...quoteAt(text, start, end),
      coder,
      createdAt: now,
    };
  });
  const changes = new ChangeSetBuilder()
    .add('projects', project)
    .add('sources', ...sources)
    .add('sourceTexts', ...sourceTexts)
    .add('codes', ...codes)
    .add('codings', ...codings)
    .build();
  return { project, changes };
}
