// Who is coding now: the machine's coder (coderPreference.ts) made live. It tells the one door
// (db/operations/currentCoder.ts) which coder each project's steps belong to, keeps the UI store's
// `coder` (the id new codings and memos carry) right for the open project, and carries out the
// answers to "Who is coding?" and the status bar's coder switch.
//
// A person is a different coder record in each project (the coders table is keyed by id alone,
// so one id cannot be a record in two projects); the preference remembers which record they are
// where. Their first coding or memo in a project adds that record, in the same undoable step.
import type { Coder } from '../../../../shared/model/coder';
import { CODE_PALETTE } from '../../../../shared/codebook/palette';
import { setCurrentCoderSource, type CurrentCoder } from '../../db/operations/currentCoder';
import { saveCoderRecord } from '../../db/operations/coders';
import { claimLegacyWork } from '../../db/operations/legacyCoder';
import { listProjects } from '../../db/queries';
import { newId } from '../../db/operations/now';
import { useUiStore } from '../../stores/uiStore';
import { readCoderPreference, writeCoderPreference, type CoderPreference } from './coderPreference';

const FIRST_COLOR = CODE_PALETTE[2];
/** The name codings carry when nobody has said who is coding (the browser knows no user name). */
export const UNNAMED_CODER = 'Coder';

let preference: CoderPreference | null = null;
let unsubscribe: (() => void) | null = null;

function save(): void {
  if (preference) writeCoderPreference(preference);
}

/** This person's coder in a project, made (and remembered) the first time it is asked for. */
function coderIn(projectId: string): CurrentCoder {
  const p = preference!;
  let id = p.coderIds[projectId];
  if (!id) {
    id = newId();
    p.coderIds[projectId] = id;
    save();
  }
  return { id, name: p.name || UNNAMED_CODER, color: p.color };
}

/** Puts the open project's coder into the UI store. */
function publish(): void {
  if (!preference) return;
  const projectId = useUiStore.getState().activeProjectId;
  const id = projectId ? coderIn(projectId).id : '';
  useUiStore.getState().setCoder({ id, name: preference.name || UNNAMED_CODER, asked: preference.asked });
}

/**
 * Starts the session at app start: the remembered coder, or (first run on this machine) the
 * suggested name, to be confirmed in "Who is coding?".
 */
export function startCoderSession(suggestedName: string): void {
  preference = readCoderPreference(FIRST_COLOR) ?? { name: suggestedName.trim(), color: FIRST_COLOR, asked: false, coderIds: {} };
  save();
  setCurrentCoderSource((projectId) => (preference ? coderIn(projectId) : null));
  unsubscribe?.();
  // Synchronously on every project change, before anything can code in the new project.
  unsubscribe = useUiStore.subscribe((state, previous) => {
    if (state.activeProjectId !== previous.activeProjectId) publish();
  });
  publish();
}

/** The name "Who is coding?" suggests: the OS user's in Electron, none in the browser. */
export function suggestedCoderName(): string {
  return preference?.name ?? '';
}

/** The id this person's codings carry in a project (made on first use). */
export function coderIdIn(projectId: string): string {
  if (!preference) throw new Error('The coder session has not started.');
  return coderIn(projectId).id;
}

/** Stops the session (tests). */
export function stopCoderSession(): void {
  unsubscribe?.();
  unsubscribe = null;
  preference = null;
  setCurrentCoderSource(null);
}

/**
 * The answer to "Who is coding?": the name from now on, here and in the open project's record.
 * Work from before coders existed (the legacy "me") was this machine's person's: it becomes
 * theirs, one undoable step per project, the open project's first.
 */
export async function answerWhoIsCoding(name: string): Promise<void> {
  if (!preference) throw new Error('The coder session has not started.');
  preference.name = name;
  preference.asked = true;
  save();
  publish();
  await renameInOpenProject();
  await claimEarlierWork();
}

function plural(n: number, word: string): string | null {
  return n === 0 ? null : `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

async function claimEarlierWork(): Promise<void> {
  const open = useUiStore.getState().activeProjectId;
  if (open && preference) {
    const claimed = await claimLegacyWork(open, coderIn(open));
    const parts = [plural(claimed.codings, 'coding'), plural(claimed.memos, 'memo')].filter((p): p is string => p !== null);
    if (parts.length > 0) useUiStore.getState().notify('info', `Your earlier work here (${parts.join(' and ')}) is now attributed to ${preference.name}.`, { undoable: true });
  }
  for (const project of await listProjects()) {
    if (project.id === open || !preference) continue;
    await claimLegacyWork(project.id, coderIn(project.id));
  }
}

async function renameInOpenProject(): Promise<void> {
  const projectId = useUiStore.getState().activeProjectId;
  if (!projectId || !preference) return;
  const id = preference.coderIds[projectId];
  // Only a record that exists is renamed: the first coding adds one otherwise.
  if (id) await saveCoderRecord({ id, projectId, name: preference.name, color: preference.color }, { add: false });
}

/** Codes as an existing coder of the project from now on (their name becomes the machine's). */
export function switchToCoder(coder: Coder): void {
  if (!preference) throw new Error('The coder session has not started.');
  preference.coderIds[coder.projectId] = coder.id;
  preference.name = coder.name;
  preference.color = coder.color;
  preference.asked = true;
  save();
  publish();
}

/** Adds a coder to the project and codes as them from now on. */
export async function addCoderAndSwitch(projectId: string, name: string, existing: readonly Coder[]): Promise<Coder> {
  if (!preference) throw new Error('The coder session has not started.');
  const used = new Set(existing.map((c) => c.color));
  const color = CODE_PALETTE.find((c) => !used.has(c)) ?? CODE_PALETTE[existing.length % CODE_PALETTE.length]!;
  const coder: Coder = { id: newId(), projectId, name, color };
  await saveCoderRecord(coder, { add: true });
  switchToCoder(coder);
  return coder;
}
