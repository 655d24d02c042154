// The attribute table: one row per case, one column per attribute, every cell editable in
// place (a value is saved when the cell loses focus or, for a choice, when it changes). New
// attributes are added here with their type; the type decides what a cell accepts.
import { useMemo, useState } from 'react';
import type { AttributeDefinition, AttributeType, AttributeValue, Case } from '../../../../shared/model/cases';
import { ATTRIBUTE_TYPES } from '../../../../shared/model/cases';
import { createAttribute, deleteAttribute, setAttributeCaseType, setAttributeValue } from '../../db/operations/cases';
import { attributeAppliesTo, attributesForCaseType, caseTypeLabel, caseTypesInUse } from '../../../../shared/model/caseTypes';
import { CaseTypeField } from './CaseTypeField';
import { reportError } from '../../stores/uiStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Modal } from '../common/Modal';
import { ATTRIBUTE_TYPE_NAMES } from './attributeTypeNames';
import { displayValue } from './sourceFilter';
import { caseValue, type CaseBook } from './useCaseBook';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

/** Rows drawn at once; a find box narrows a long list (a survey of thousands) to the case wanted. */
const MAX_ROWS = 300;

interface CellProps {
  owner: Case;
  attribute: AttributeDefinition;
  value: AttributeValue | undefined;
  onError(message: string | null): void;
}

function AttributeCell({ owner, attribute, value, onError }: CellProps) {
  const shown = displayValue(value);
  const [draft, setDraft] = useState<string | null>(null);
  const label = `${attribute.name} of ${owner.name}`;
  const save = (typed: string) => {
    setAttributeValue(owner.id, attribute.id, typed).then(
      () => {
        setDraft(null);
        onError(null);
      },
      (error: unknown) => onError(errorMessage(error)),
    );
  };
  if (attribute.type === 'boolean' || attribute.type === 'category') {
    const choices = attribute.type === 'boolean' ? ['Yes', 'No'] : (attribute.categories ?? []);
    return (
      <select aria-label={label} value={shown} onChange={(e) => save(e.target.value)}>
        <option value="">—</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
        {shown !== '' && !choices.includes(shown) && <option value={shown}>{shown}</option>}
      </select>
    );
  }
  return (
    <input
      aria-label={label}
      value={draft ?? shown}
      inputMode={attribute.type === 'number' ? 'decimal' : undefined}
      placeholder={attribute.type === 'date' ? 'YYYY-MM-DD' : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape' && draft !== null) {
          e.stopPropagation();
          e.preventDefault();
          setDraft(null);
        }
      }}
      onBlur={() => {
        if (draft !== null && draft !== shown) save(draft);
        else setDraft(null);
      }}
    />
  );
}

function NewAttributeForm({ projectId, onError }: { projectId: string; onError(message: string | null): void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [categories, setCategories] = useState('');
  return (
    <form
      className="new-attribute"
      aria-label="New attribute"
      onSubmit={(event) => {
        event.preventDefault();
        // Cleared at once (not when the write ends), so typing the next attribute is never undone.
        const submitted = { name, categories };
        setName('');
        setCategories('');
        createAttribute({ projectId, name: submitted.name, type, ...(type === 'category' ? { categories: submitted.categories.split(',') } : {}) }).then(
          () => onError(null),
          (error: unknown) => {
            setName(submitted.name);
            setCategories(submitted.categories);
            onError(errorMessage(error));
          },
        );
      }}
    >
      <label>
        <span>Attribute name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        <span>Type</span>
        <select value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
          {ATTRIBUTE_TYPES.map((t) => (
            <option key={t} value={t}>
              {ATTRIBUTE_TYPE_NAMES[t]}
            </option>
          ))}
        </select>
      </label>
      {type === 'category' && (
        <label>
          <span>Categories (comma-separated)</span>
          <input value={categories} onChange={(e) => setCategories(e.target.value)} placeholder="e.g. urban, rural" />
        </label>
      )}
      <button type="submit">Add attribute</button>
    </form>
  );
}

export function AttributeTableDialog({ projectId, book, onClose }: { projectId: string; book: CaseBook; onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [find, setFind] = useState('');
  const [deleting, setDeleting] = useState<AttributeDefinition | null>(null);
  // One case type at a time: its cases as rows and only the attributes that describe them, so a
  // table of commenters has no column of blanks for an organisation's "sector".
  const types = useMemo(() => caseTypesInUse(book.cases, book.attributes), [book.cases, book.attributes]);
  const [typeChoice, setTypeChoice] = useState<string>('');
  const caseType = typeChoice === '' || !types.includes(typeChoice) ? undefined : typeChoice;
  const columns = useMemo(() => attributesForCaseType(book.attributes, caseType), [book.attributes, caseType]);
  const needle = find.trim().toLowerCase();
  // Only what the find box changes walks every case; a cell reads its value from the book's index.
  const matching = useMemo(
    () => book.cases.filter((c) => (caseType === undefined || c.type === caseType) && (needle === '' || c.name.toLowerCase().includes(needle))),
    [book.cases, caseType, needle],
  );
  const rows = matching.slice(0, MAX_ROWS);
  return (
    <Modal title="Case attributes" size="wide" onClose={onClose}>
      <div className="attribute-dialog">
        <NewAttributeForm projectId={projectId} onError={setError} />
        <div className="attribute-tools">
          <select aria-label="Cases of type" value={caseType ?? ''} onChange={(e) => setTypeChoice(e.target.value)}>
            <option value="">Every type</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {caseTypeLabel(t)}
              </option>
            ))}
          </select>
          <input type="search" aria-label="Find a case" placeholder="Find a case" value={find} onChange={(e) => setFind(e.target.value)} />
          <span className="hint">
            {matching.length > rows.length ? `Showing ${rows.length} of ${matching.length} cases; narrow with “Find a case”.` : `${matching.length} cases.`} Values are saved as you
            leave a cell.
          </span>
        </div>
        <FormError error={error} />
        <div className="attribute-table-wrap">
          <table className="attribute-table" aria-label="Case attributes">
            <thead>
              <tr>
                <th scope="col">Case</th>
                {caseType === undefined && <th scope="col">Type</th>}
                {columns.map((a) => (
                  <th key={a.id} scope="col">
                    <span className="attribute-head">
                      <span>{a.name}</span>
                      <span className="attribute-type">{ATTRIBUTE_TYPE_NAMES[a.type]}</span>
                      <CaseTypeField
                        label={`Case type of ${a.name}`}
                        value={a.caseType}
                        inUse={types}
                        emptyLabel="Any type"
                        onChange={(type) => void setAttributeCaseType(a.id, type).catch(reportError)}
                      />
                      <button type="button" className="icon-button" aria-label={`Delete attribute ${a.name}`} onClick={() => setDeleting(a)}>
                        ×
                      </button>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} aria-label={c.name}>
                  <th scope="row">{c.name}</th>
                  {caseType === undefined && <td className="case-type-cell">{c.type === undefined ? '' : caseTypeLabel(c.type)}</td>}
                  {columns.map((a) =>
                    attributeAppliesTo(a, c.type) ? (
                      <td key={a.id}>
                        <AttributeCell owner={c} attribute={a} value={caseValue(book, c.id, a.id)} onError={setError} />
                      </td>
                    ) : (
                      // Not a blank to fill: this attribute describes another type of case.
                      <td key={a.id} className="not-applicable" title={`${a.name} describes ${caseTypeLabel(a.caseType)} cases`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
      {deleting && (
        <ConfirmDialog
          title="Delete attribute"
          message={`Delete the attribute “${deleting.name}” and every case's value for it?`}
          confirmLabel="Delete attribute"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            deleteAttribute(target.id).catch(reportError);
          }}
        />
      )}
    </Modal>
  );
}
