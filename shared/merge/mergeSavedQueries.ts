// Saved queries and filters: matched by id (case-insensitive), then by name within the same type
// (a query and a filter may share a name). Their definition is re-keyed first (the codes, cases,
// attributes and sources it names become ours), then compared: the same definition is the same
// saved query, kept once (ours, with our name). A match that says something else is a conflict:
// ours stays as it is and theirs is added beside it as "<name> (<their project>)", so neither
// side's analysis is lost. A saved query we do not have is added.
import type { JsonValue, SavedQuery } from '../model/savedQuery';
import { addRecord, claimId, guidKey, nameKey, type MergeContext } from './mergeContext';
import { noteAdded, noteConflict, noteMatched } from './mergeReport';

/** Their id → ours, for every kind a definition can name. */
function referenceMap(ctx: MergeContext): Map<string, string> {
  const map = new Map<string, string>();
  for (const kind of ['coders', 'sources', 'codes', 'codeSets', 'cases', 'attributes'] as const) for (const [theirs, ours] of ctx.ids[kind]) map.set(theirs, ours);
  return map;
}

/** A definition's ids sit anywhere in its JSON (see remapIds): every string that is one of theirs follows. */
function rekey(value: JsonValue, map: ReadonlyMap<string, string>): JsonValue {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => rekey(v, map));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rekey(v, map)]));
  return value;
}

/** JSON with object keys sorted, so two definitions that say the same compare equal. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function mergeSavedQueries(ctx: MergeContext): void {
  const ours = ctx.ours.savedQueries;
  if (ctx.theirs.savedQueries.length === 0) return;
  const nameOf = (q: Pick<SavedQuery, 'type' | 'name'>): string => `${q.type}\u0000${nameKey(q.name).toLowerCase()}`;
  const sayingOf = (type: SavedQuery['type'], definition: JsonValue): string => `${type}\u0000${canonical(definition)}`;
  const byGuid = new Map(ours.map((q) => [guidKey(q.id), q]));
  const byName = new Map<string, SavedQuery>();
  for (const q of ours) if (!byName.has(nameOf(q))) byName.set(nameOf(q), q);
  // Ours by what they say: finds the copy an earlier merge added beside a conflicting one.
  const bySaying = new Map<string, SavedQuery[]>();
  for (const q of ours) {
    const key = sayingOf(q.type, q.definition);
    const list = bySaying.get(key) ?? [];
    list.push(q);
    bySaying.set(key, list);
  }
  const names = new Set(ours.map(nameOf));
  const used = new Set<string>();
  const references = referenceMap(ctx);
  let order = ours.reduce((max, q) => Math.max(max, (q.order ?? 0) + 1), 0);
  const copyName = (query: SavedQuery, n: number): string => `${query.name} (${ctx.theirs.project.name}${n > 1 ? ` ${n}` : ''})`;

  const add = (query: SavedQuery, definition: JsonValue, name: string): void => {
    const id = claimId(ctx, 'savedQueries', query.id);
    ctx.ids.savedQueries.set(query.id, id);
    names.add(nameOf({ type: query.type, name }));
    const record: SavedQuery = { ...query, id, projectId: ctx.projectId, name, definition };
    if (query.order !== undefined) record.order = order++;
    addRecord(ctx, 'savedQueries', record);
    noteAdded(ctx.report, { kind: 'savedQueries', theirs: query.id, ours: id, label: name });
  };

  for (const query of [...ctx.theirs.savedQueries].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name))) {
    const definition = rekey(query.definition, references);
    const saying = sayingOf(query.type, definition);
    const free = (q: SavedQuery | undefined): SavedQuery | undefined => (q && !used.has(q.id) && q.type === query.type ? q : undefined);
    const viaId = free(byGuid.get(guidKey(query.id)));
    const viaName = free(byName.get(nameOf(query)));
    const same = (q: SavedQuery | undefined): q is SavedQuery => q !== undefined && sayingOf(q.type, q.definition) === saying;
    // The same saved query: by id or name saying the same, or a copy of it kept by an earlier merge.
    const copy = (bySaying.get(saying) ?? []).find((q) => !used.has(q.id) && (nameKey(q.name) === nameKey(query.name) || nameKey(q.name).startsWith(`${nameKey(query.name)} (`)));
    const match = same(viaId) ? viaId : same(viaName) ? viaName : copy;
    if (match) {
      used.add(match.id);
      ctx.ids.savedQueries.set(query.id, match.id);
      const rule = match === viaId ? 'id' : match === viaName ? 'name' : 'same record';
      noteMatched(ctx.report, { kind: 'savedQueries', theirs: query.id, ours: match.id, label: match.name, rule, differs: nameKey(match.name) === nameKey(query.name) ? undefined : 'name' });
      continue;
    }
    const rival = viaId ?? viaName;
    if (!rival) {
      add(query, definition, query.name);
      continue;
    }
    // The same saved query (or name) asks something else in their copy: both are kept.
    used.add(rival.id);
    let n = 1;
    while (names.has(nameOf({ type: query.type, name: copyName(query, n) }))) n++;
    const name = copyName(query, n);
    add(query, definition, name);
    const what = query.type === 'filter' ? 'filter' : 'query';
    noteConflict(ctx.report, {
      kind: 'savedQueries',
      theirs: query.id,
      label: rival.name,
      reason: `The saved ${what} “${rival.name}” ${rival === viaId ? 'was changed in both copies' : 'has the same name as one here but asks something else'}: ours was kept and theirs added as “${name}”.`,
    });
  }
}
