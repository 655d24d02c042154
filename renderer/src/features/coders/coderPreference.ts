// Who codes on this machine (browser profile or Electron user), remembered across projects and
// restarts: the name and colour the "Who is coding?" dialog settled, whether it has been asked,
// and which coder record this person is in each project they coded in. Kept in localStorage,
// not in a project: it belongs to the machine, and it must be known before any project opens.
import { isHexColor } from '../../../../shared/codebook/palette';

export const CODER_PREFERENCE_KEY = 'marginalia.coder';

export interface CoderPreference {
  name: string;
  color: string;
  /** False until the person answered "Who is coding?" (the name is then only a suggestion). */
  asked: boolean;
  /** Project id → the id of this person's coder record there (what their codings carry). */
  coderIds: Record<string, string>;
}

const MAX_NAME = 200;

/** The stored preference, or null when there is none or it cannot be read. Lenient: a partial one (a test's preset) fills in. */
export function parseCoderPreference(raw: string | null, fallbackColor: string): CoderPreference | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string') return null;
  const coderIds: Record<string, string> = {};
  if (typeof v.coderIds === 'object' && v.coderIds !== null) {
    for (const [projectId, coderId] of Object.entries(v.coderIds as Record<string, unknown>)) if (typeof coderId === 'string' && coderId !== '') coderIds[projectId] = coderId;
  }
  return {
    name: v.name.trim().slice(0, MAX_NAME),
    color: typeof v.color === 'string' && isHexColor(v.color) ? v.color : fallbackColor,
    // A preset without the flag was written by someone who knew the name: it counts as asked.
    asked: v.asked !== false,
    coderIds,
  };
}

export function readCoderPreference(fallbackColor: string): CoderPreference | null {
  try {
    return parseCoderPreference(globalThis.localStorage?.getItem(CODER_PREFERENCE_KEY) ?? null, fallbackColor);
  } catch {
    return null;
  }
}

export function writeCoderPreference(preference: CoderPreference): void {
  try {
    globalThis.localStorage?.setItem(CODER_PREFERENCE_KEY, JSON.stringify(preference));
  } catch {
    // Storage refused (private mode, quota): the choice holds for this session only.
  }
}

/** A coder name as typed, or the reason it cannot be one. */
export function checkCoderName(name: string): { ok: true; name: string } | { ok: false; message: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, message: 'Type the name your codings should carry.' };
  if (trimmed.length > MAX_NAME) return { ok: false, message: `A coder name can have at most ${MAX_NAME} characters.` };
  return { ok: true, name: trimmed };
}
