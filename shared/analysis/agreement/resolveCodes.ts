// Which codes an agreement request means when a person names them (`--codes` on the command
// line): each by id, by path ("Parent > Child") or by name when the name is unique, case-insensitive.
import { codePath } from '../../codebook/tree';
import type { Code } from '../../model/types';

export type ResolvedCodes = { ok: true; codeIds: string[] } | { ok: false; reason: string };

export function resolveCodes(codes: readonly Code[], wanted: readonly string[]): ResolvedCodes {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out: string[] = [];
  for (const raw of wanted) {
    const w = raw.trim().toLowerCase();
    if (w === '') continue;
    let found = codes.filter((c) => c.id.toLowerCase() === w);
    if (found.length === 0) found = codes.filter((c) => codePath(byId, c.id).toLowerCase() === w);
    if (found.length === 0) found = codes.filter((c) => c.name.trim().toLowerCase() === w);
    if (found.length === 0) return { ok: false, reason: `Unknown code "${raw.trim()}".` };
    if (found.length > 1) {
      return { ok: false, reason: `More than one code is called "${raw.trim()}": name it by its path (${found.map((c) => codePath(byId, c.id)).join('; ')}).` };
    }
    if (!out.includes(found[0]!.id)) out.push(found[0]!.id);
  }
  if (out.length === 0) return { ok: false, reason: 'Name at least one code.' };
  return { ok: true, codeIds: out };
}
