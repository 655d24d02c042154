// Adding one restriction to the active filter: pick what to restrict by (a case, a case type, an
// attribute, a source, a coder), then its value, then "Add". Attribute conditions follow the
// attribute's type: a value or several for text and categories, a range for numbers, after/before
// for dates, yes or no. With one case type chosen, only that type's attributes are offered.
import { useState } from 'react';
import type { AttributeCondition } from '../../../../../shared/analysis/filter';
import { BUILT_IN_CASE_TYPES, attributesForCaseType, caseTypeLabel, caseTypesInUse } from '../../../../../shared/model/caseTypes';
import type { FilterChoices } from '../../../db/filterQueries';
import { selectActiveFilter, useAnalysisFilterStore } from '../../../stores/analysisFilterStore';

type Kind = 'case' | 'caseType' | 'attribute' | 'source' | 'sourceSet' | 'coder';

const KINDS: ReadonlyArray<{ kind: Kind; label: string }> = [
  { kind: 'case', label: 'Case' },
  { kind: 'caseType', label: 'Case type' },
  { kind: 'attribute', label: 'Attribute' },
  { kind: 'source', label: 'Source' },
  { kind: 'sourceSet', label: 'Source set' },
  { kind: 'coder', label: 'Coder' },
];

/** An attribute condition from the editor's fields, or a message saying what is missing. */
function conditionOf(
  attribute: FilterChoices['attributes'][number],
  fields: { value: string; values: string[]; min: string; max: string; after: string; before: string },
): AttributeCondition | string {
  const attributeId = attribute.id;
  switch (attribute.type) {
    case 'number': {
      const min = fields.min.trim() === '' ? undefined : Number(fields.min);
      const max = fields.max.trim() === '' ? undefined : Number(fields.max);
      if ((min !== undefined && !Number.isFinite(min)) || (max !== undefined && !Number.isFinite(max))) return 'Enter numbers for the range.';
      if (min === undefined && max === undefined) return 'Enter a lowest or a highest value.';
      return { attributeId, op: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'date':
      if (!fields.after && !fields.before) return 'Enter a date to be after or before.';
      return { attributeId, op: 'date', ...(fields.after ? { after: fields.after } : {}), ...(fields.before ? { before: fields.before } : {}) };
    case 'boolean':
      return { attributeId, op: 'equals', value: fields.value === 'yes' };
    case 'category':
      if (fields.values.length === 0) return 'Tick at least one value.';
      return fields.values.length === 1 ? { attributeId, op: 'equals', value: fields.values[0]! } : { attributeId, op: 'in', values: fields.values };
    case 'text': {
      // "Kanto; Kansai" means either.
      const values = fields.value.split(';').map((v) => v.trim()).filter(Boolean);
      if (values.length === 0) return 'Enter a value.';
      return values.length === 1 ? { attributeId, op: 'equals', value: values[0]! } : { attributeId, op: 'in', values };
    }
  }
}

export function FilterEditor({ choices }: { choices: FilterChoices }) {
  const filter = useAnalysisFilterStore(selectActiveFilter);
  const store = useAnalysisFilterStore();
  const [kind, setKind] = useState<Kind>('case');
  const [pick, setPick] = useState('');
  const [fields, setFields] = useState({ value: 'yes', values: [] as string[], min: '', max: '', after: '', before: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [setName, setSetName] = useState('');
  const [setMembers, setSetMembers] = useState<string[]>([]);

  const types = [...new Set([...BUILT_IN_CASE_TYPES, ...caseTypesInUse(choices.cases, choices.attributes)])];
  const oneType = filter.caseTypes?.length === 1 ? filter.caseTypes[0] : undefined;
  const attributes = attributesForCaseType(choices.attributes, oneType);
  const attribute = kind === 'attribute' ? attributes.find((a) => a.id === pick) : undefined;
  const set = (patch: Partial<typeof fields>) => setFields((f) => ({ ...f, ...patch }));

  const options: ReadonlyArray<{ id: string; name: string }> =
    kind === 'case' ? choices.cases
    : kind === 'caseType' ? types.map((t) => ({ id: t, name: caseTypeLabel(t) }))
    : kind === 'attribute' ? attributes
    : kind === 'source' ? choices.sources
    : kind === 'coder' ? choices.coders
    : [];

  const add = (): void => {
    setProblem(null);
    if (kind === 'sourceSet') {
      if (setName.trim() === '' || setMembers.length === 0) {
        setProblem('Name the set and tick its sources.');
        return;
      }
      store.addSourceSet({ name: setName.trim(), sourceIds: setMembers });
      setSetName('');
      setSetMembers([]);
      return;
    }
    if (!pick) {
      setProblem(`Choose a ${KINDS.find((k) => k.kind === kind)!.label.toLowerCase()}.`);
      return;
    }
    const adding = (list: readonly string[] | undefined): string[] => [...new Set([...(list ?? []), pick])];
    if (kind === 'case') store.setCaseIds(adding(filter.caseIds));
    else if (kind === 'caseType') store.setCaseTypes(adding(filter.caseTypes));
    else if (kind === 'source') store.setSourceIds(adding(filter.sourceIds));
    else if (kind === 'coder') store.setCoders(adding(filter.coders));
    else if (attribute) {
      const condition = conditionOf(attribute, fields);
      if (typeof condition === 'string') {
        setProblem(condition);
        return;
      }
      store.addCondition(condition);
    }
    setPick('');
  };

  return (
    <div className="filter-editor">
      <select
        aria-label="Restrict by"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setPick('');
          setProblem(null);
        }}
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {kind === 'sourceSet' && (
        <>
          <input aria-label="Set name" placeholder="name of the set" value={setName} onChange={(e) => setSetName(e.target.value)} />
          <span className="filter-values" role="group" aria-label="Sources in the set">
            {choices.sources.map((source) => (
              <label key={source.id} className="check">
                <input
                  type="checkbox"
                  checked={setMembers.includes(source.id)}
                  onChange={(e) => setSetMembers((m) => (e.target.checked ? [...m, source.id] : m.filter((id) => id !== source.id)))}
                />
                {source.name}
              </label>
            ))}
          </span>
        </>
      )}
      <select
        hidden={kind === 'sourceSet'}
        aria-label={KINDS.find((k) => k.kind === kind)!.label}
        value={pick}
        onChange={(e) => {
          setPick(e.target.value);
          set({ values: [], value: 'yes', min: '', max: '', after: '', before: '' });
        }}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {attribute?.type === 'text' && (
        <input aria-label="Value" placeholder="value (; between several)" value={fields.value === 'yes' ? '' : fields.value} onChange={(e) => set({ value: e.target.value })} />
      )}
      {attribute?.type === 'boolean' && (
        <select aria-label="Value" value={fields.value} onChange={(e) => set({ value: e.target.value })}>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      )}
      {attribute?.type === 'category' && (
        <span className="filter-values" role="group" aria-label="Values">
          {(attribute.categories ?? []).map((category) => (
            <label key={category} className="check">
              <input
                type="checkbox"
                checked={fields.values.includes(category)}
                onChange={(e) => set({ values: e.target.checked ? [...fields.values, category] : fields.values.filter((v) => v !== category) })}
              />
              {category}
            </label>
          ))}
        </span>
      )}
      {attribute?.type === 'number' && (
        <>
          <input aria-label="From" type="number" placeholder="from" value={fields.min} onChange={(e) => set({ min: e.target.value })} />
          <input aria-label="To" type="number" placeholder="to" value={fields.max} onChange={(e) => set({ max: e.target.value })} />
        </>
      )}
      {attribute?.type === 'date' && (
        <>
          <label className="check">
            after <input aria-label="After" type="date" value={fields.after} onChange={(e) => set({ after: e.target.value })} />
          </label>
          <label className="check">
            before <input aria-label="Before" type="date" value={fields.before} onChange={(e) => set({ before: e.target.value })} />
          </label>
        </>
      )}
      <button type="button" onClick={add}>
        Add
      </button>
      {problem && (
        <span className="filter-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
