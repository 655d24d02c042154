// Attributes and their values. An attribute is matched by id (case-insensitive), then by name.
// A matched attribute of another type is a conflict: their values for it are left out (a number
// does not fit a date column) and reported. A matched category attribute gains the categories it
// lacks, appended after ours: the one update of an existing record this kind makes, so that their
// values are allowed values here (nothing of ours changes or goes). A case's value is added when
// we have none; when we have a different one, ours stays and the difference is reported.
import type { AttributeDefinition } from '../model/cases';
import { caseValueKey, type CaseValue } from '../model/entities';
import { addRecord, changes, claimId, guidKey, nameKey, type MergeContext } from './mergeContext';
import { noteAdded, noteConflict, noteMatched, noteUpdated } from './mergeReport';

export function mergeAttributes(ctx: MergeContext): void {
  const byGuid = new Map(ctx.ours.attributes.map((a) => [guidKey(a.id), a]));
  const byName = new Map<string, AttributeDefinition>();
  for (const a of ctx.ours.attributes) if (!byName.has(nameKey(a.name).toLowerCase())) byName.set(nameKey(a.name).toLowerCase(), a);
  const used = new Set<string>();
  const skipped = new Set<string>();
  let order = ctx.ours.attributes.reduce((max, a) => Math.max(max, (a.order ?? 0) + 1), 0);
  for (const attribute of ctx.theirs.attributes) {
    const viaId = byGuid.get(guidKey(attribute.id));
    const viaName = byName.get(nameKey(attribute.name).toLowerCase());
    const match = viaId && !used.has(viaId.id) ? viaId : viaName && !used.has(viaName.id) ? viaName : undefined;
    if (!match) {
      const id = claimId(ctx, 'attributes', attribute.id);
      ctx.ids.attributes.set(attribute.id, id);
      addRecord(ctx, 'attributes', { ...attribute, id, projectId: ctx.projectId, order: order++ });
      noteAdded(ctx.report, { kind: 'attributes', theirs: attribute.id, ours: id, label: attribute.name });
      continue;
    }
    used.add(match.id);
    if (match.type !== attribute.type) {
      skipped.add(attribute.id);
      noteConflict(ctx.report, {
        kind: 'attributes',
        theirs: attribute.id,
        label: match.name,
        reason: `“${match.name}” is ${match.type} here but ${attribute.type} in the file: the file's values for it were left out.`,
      });
      continue;
    }
    ctx.ids.attributes.set(attribute.id, match.id);
    noteMatched(ctx.report, { kind: 'attributes', theirs: attribute.id, ours: match.id, label: match.name, rule: match === viaId ? 'id' : 'name' });
    if (match.type === 'category') {
      const have = new Set(match.categories ?? []);
      const extra = (attribute.categories ?? []).filter((c) => !have.has(c));
      if (extra.length > 0) {
        changes(ctx, 'attributes').updated.push([match, { ...match, categories: [...(match.categories ?? []), ...extra] }]);
        noteUpdated(ctx.report, { kind: 'attributes', theirs: attribute.id, ours: match.id, label: match.name, differs: `new categories: ${extra.join(', ')}` });
      }
    }
  }
  mergeCaseValues(ctx, skipped);
}

function mergeCaseValues(ctx: MergeContext, skippedAttributes: ReadonlySet<string>): void {
  const ours = new Map(ctx.ours.caseValues.map((v) => [caseValueKey(v.caseId, v.attributeId), v]));
  const caseName = new Map(ctx.theirs.cases.map((c) => [c.id, c.name]));
  const attributeName = new Map(ctx.theirs.attributes.map((a) => [a.id, a.name]));
  for (const value of ctx.theirs.caseValues) {
    if (skippedAttributes.has(value.attributeId)) continue;
    const caseId = ctx.ids.cases.get(value.caseId);
    const attributeId = ctx.ids.attributes.get(value.attributeId);
    if (caseId === undefined || attributeId === undefined) continue;
    const key = caseValueKey(caseId, attributeId);
    const label = `${caseName.get(value.caseId) ?? ''}: ${attributeName.get(value.attributeId) ?? ''}`;
    const existing = ours.get(key);
    if (existing) {
      ctx.ids.caseValues.set(caseValueKey(value.caseId, value.attributeId), key);
      if (existing.value === value.value) noteMatched(ctx.report, { kind: 'caseValues', theirs: key, ours: key, label, rule: 'same record' });
      else noteConflict(ctx.report, { kind: 'caseValues', theirs: key, label, reason: `${label} is “${String(existing.value)}” here and “${String(value.value)}” in the file: ours was kept.` });
      continue;
    }
    const record: CaseValue = { ...value, projectId: ctx.projectId, caseId, attributeId };
    ours.set(key, record);
    ctx.ids.caseValues.set(caseValueKey(value.caseId, value.attributeId), key);
    addRecord(ctx, 'caseValues', record);
    noteAdded(ctx.report, { kind: 'caseValues', theirs: key, ours: key, label });
  }
}
