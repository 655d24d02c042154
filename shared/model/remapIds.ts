// The same project under new ids: every record that has an id gets a fresh one, and every
// reference follows. Opening a project file whose ids are already in the database (the same
// .qdpx opened twice, a backup of the open project) stores a copy this way instead of
// overwriting rows; ids not in the project (a legacy coder "me") are left as they are.
import type { ProjectSnapshot } from './snapshot';
import type { Memo } from './types';
import type { JsonValue } from './savedQuery';

/**
 * `newId` is called once per record id; `remap` says which ids to change (default: all);
 * `chosen` gives the new id of some of them (the project's, when the caller has settled it).
 */
export function remapIds(snapshot: ProjectSnapshot, newId: () => string, remap: (id: string) => boolean = () => true, chosen: ReadonlyMap<string, string> = new Map()): ProjectSnapshot {
  const map = new Map<string, string>();
  const own = (id: string): string => {
    if (!remap(id)) return id;
    let next = map.get(id);
    if (next === undefined) {
      next = chosen.get(id) ?? newId();
      map.set(id, next);
    }
    return next;
  };
  // Ids of the project's records first, so references below resolve to the same new ids.
  const projectId = own(snapshot.project.id);
  for (const list of [snapshot.coders, snapshot.sources, snapshot.codes, snapshot.codeSets, snapshot.cases, snapshot.attributes, snapshot.caseLinks, snapshot.codings, snapshot.memos, snapshot.savedQueries]) {
    for (const record of list) own(record.id);
  }
  const ref = (id: string): string => map.get(id) ?? id;
  const targetOf = (memo: Memo): string => (memo.targetKind === 'project' ? projectId : ref(memo.targetId));
  return {
    project: { ...snapshot.project, id: projectId },
    coders: snapshot.coders.map((c) => ({ ...c, id: ref(c.id), projectId })),
    sources: snapshot.sources.map((s) => ({ ...s, id: ref(s.id), projectId })),
    sourceTexts: snapshot.sourceTexts.map((t) => ({ ...t, sourceId: ref(t.sourceId), projectId })),
    ...(snapshot.sourceOriginals ? { sourceOriginals: snapshot.sourceOriginals.map((o) => ({ ...o, sourceId: ref(o.sourceId), projectId })) } : {}),
    codes: snapshot.codes.map((c) => ({
      ...c,
      id: ref(c.id),
      projectId,
      parentId: c.parentId === null ? null : ref(c.parentId),
      ...(typeof c.exampleCodingId === 'string' ? { exampleCodingId: ref(c.exampleCodingId) } : {}),
    })),
    codeSets: snapshot.codeSets.map((s) => ({ ...s, id: ref(s.id), projectId, codeIds: s.codeIds.map(ref) })),
    cases: snapshot.cases.map((c) => ({ ...c, id: ref(c.id), projectId })),
    attributes: snapshot.attributes.map((a) => ({ ...a, id: ref(a.id), projectId })),
    caseValues: snapshot.caseValues.map((v) => ({ ...v, projectId, caseId: ref(v.caseId), attributeId: ref(v.attributeId) })),
    caseLinks: snapshot.caseLinks.map((l) => ({ ...l, id: ref(l.id), projectId, caseId: ref(l.caseId), sourceId: ref(l.sourceId) })),
    codings: snapshot.codings.map((c) => ({ ...c, id: ref(c.id), projectId, sourceId: ref(c.sourceId), codeId: ref(c.codeId), coder: ref(c.coder) })),
    memos: snapshot.memos.map((m) => ({ ...m, id: ref(m.id), projectId, targetId: targetOf(m), author: map.has(m.author) ? ref(m.author) : m.author })),
    savedQueries: snapshot.savedQueries.map((q) => ({ ...q, id: ref(q.id), projectId, definition: remapJson(q.definition, ref) })),
  };
}

/**
 * A definition's references (code, case, attribute, source ids) sit anywhere in its JSON: every
 * string that is a remapped id follows. Ids are UUIDs, so no ordinary value is mistaken for one.
 */
function remapJson(value: JsonValue, ref: (id: string) => string): JsonValue {
  if (typeof value === 'string') return ref(value);
  if (Array.isArray(value)) return value.map((v) => remapJson(v, ref));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapJson(v, ref)]));
  return value;
}
