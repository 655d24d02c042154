// Which coders an agreement request means: each one named by id or by name (case-insensitive),
// as a user types them on the command line or picks them in the UI. Coders that appear only on
// codings (e.g. "me", from before coders had records) count too, under their id.
import type { Coder } from '../../model/coder';

export type ResolvedCoders = { ok: true; coders: Array<{ id: string; name: string }> } | { ok: false; reason: string };

export function resolveCoders(project: { coders: readonly Coder[]; codings: ReadonlyArray<{ coder: string }> }, wanted: readonly string[]): ResolvedCoders {
  const known = new Map<string, { id: string; name: string }>();
  for (const c of project.codings) if (!known.has(c.coder)) known.set(c.coder, { id: c.coder, name: c.coder });
  for (const c of project.coders) known.set(c.id, { id: c.id, name: c.name });
  const all = [...known.values()];
  const out: Array<{ id: string; name: string }> = [];
  for (const raw of wanted) {
    const w = raw.trim().toLowerCase();
    const match = all.find((c) => c.id.toLowerCase() === w) ?? all.filter((c) => c.name.toLowerCase() === w);
    const found = Array.isArray(match) ? match : [match];
    if (found.length === 0) {
      const names = all.map((c) => c.name).join(', ') || 'none';
      return { ok: false, reason: `Unknown coder "${raw.trim()}". Coders in this project: ${names}.` };
    }
    if (found.length > 1) return { ok: false, reason: `More than one coder is called "${raw.trim()}": name them by id.` };
    if (out.some((c) => c.id === found[0]!.id)) return { ok: false, reason: `Coder "${raw.trim()}" is named twice.` };
    out.push(found[0]!);
  }
  if (out.length < 2) return { ok: false, reason: 'Agreement needs at least two coders.' };
  return { ok: true, coders: out };
}
