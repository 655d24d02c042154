// The mapping step for a survey table: which column identifies a respondent, which hold
// open-ended answers, which are attributes (and of what type), and whether the answers become
// one source per question or one per respondent. Shows the first rows so the user can check.
import type { AttributeType } from '../../../../shared/model/cases';
import { ATTRIBUTE_TYPES } from '../../../../shared/model/cases';
import { inferAttributeType } from '../../../../shared/import/survey/attributeTypes';
import { validateSurveyMapping, type SurveyLayout, type SurveyMapping } from '../../../../shared/import/survey/plan';
import type { SurveyTable } from '../../../../shared/import/survey/table';
import { ATTRIBUTE_TYPE_NAMES } from '../cases/attributeTypeNames';
import { ColumnHeads } from '../common/ColumnHeads';

type ColumnUse = 'id' | 'text' | 'attribute' | 'ignore';

const USE_NAMES: Readonly<Record<ColumnUse, string>> = {
  id: 'Respondent id',
  text: 'Open-ended answers',
  attribute: 'Attribute',
  ignore: 'Not imported',
};

const PREVIEW_ROWS = 5;

export function columnUse(mapping: SurveyMapping, column: string): ColumnUse {
  if (mapping.idColumn === column) return 'id';
  if (mapping.textColumns.includes(column)) return 'text';
  if (mapping.attributeColumns.some((a) => a.column === column)) return 'attribute';
  return 'ignore';
}

/** The mapping with `column` put to a new use; other columns keep theirs. */
export function withColumnUse(table: SurveyTable, mapping: SurveyMapping, column: string, use: ColumnUse): SurveyMapping {
  const inOrder = (columns: string[]) => columns.sort((a, b) => table.columns.indexOf(a) - table.columns.indexOf(b));
  const textColumns = mapping.textColumns.filter((c) => c !== column);
  const attributeColumns = mapping.attributeColumns.filter((a) => a.column !== column);
  let idColumn = mapping.idColumn === column ? '' : mapping.idColumn;
  if (use === 'id') idColumn = column;
  if (use === 'text') textColumns.push(column);
  if (use === 'attribute') {
    const index = table.columns.indexOf(column);
    attributeColumns.push({ column, type: inferAttributeType(table.rows.map((r) => r[index] ?? '')).type });
    attributeColumns.sort((a, b) => table.columns.indexOf(a.column) - table.columns.indexOf(b.column));
  }
  return { ...mapping, idColumn, textColumns: inOrder(textColumns), attributeColumns };
}

function examples(table: SurveyTable, column: string): string {
  const index = table.columns.indexOf(column);
  const distinct = [...new Set(table.rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== ''))];
  const shown = distinct.slice(0, 3).map((v) => (v.length > 28 ? `${v.slice(0, 27)}…` : v));
  return shown.join(' · ') + (distinct.length > 3 ? ` · +${distinct.length - 3}` : '');
}

export interface SurveyMappingFormProps {
  table: SurveyTable;
  mapping: SurveyMapping;
  onChange(mapping: SurveyMapping): void;
}

export function SurveyMappingForm({ table, mapping, onChange }: SurveyMappingFormProps) {
  const problem = validateSurveyMapping(table, mapping);
  const sources = mapping.layout === 'source-per-question' ? mapping.textColumns.length : table.rows.length;
  return (
    <div className="survey-mapping">
      <table className="mapping-columns" aria-label="Columns">
        <ColumnHeads names={['Column', 'Use', 'Type', 'Values']} />
        <tbody>
          {table.columns.map((column) => {
            const use = columnUse(mapping, column);
            const attribute = mapping.attributeColumns.find((a) => a.column === column);
            return (
              <tr key={column} aria-label={column}>
                <th scope="row">{column}</th>
                <td>
                  <select aria-label={`Use of ${column}`} value={use} onChange={(e) => onChange(withColumnUse(table, mapping, column, e.target.value as ColumnUse))}>
                    {(Object.keys(USE_NAMES) as ColumnUse[]).map((u) => (
                      <option key={u} value={u}>
                        {USE_NAMES[u]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {attribute && (
                    <select
                      aria-label={`Type of ${column}`}
                      value={attribute.type}
                      onChange={(e) =>
                        onChange({
                          ...mapping,
                          attributeColumns: mapping.attributeColumns.map((a) => (a.column === column ? { column, type: e.target.value as AttributeType } : a)),
                        })
                      }
                    >
                      {ATTRIBUTE_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {ATTRIBUTE_TYPE_NAMES[t]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className="mapping-examples">{examples(table, column)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset className="mapping-layout">
        <legend>Answers become</legend>
        {(
          [
            ['source-per-question', 'One source per question, one segment per respondent'],
            ['source-per-respondent', 'One source per respondent'],
          ] as Array<[SurveyLayout, string]>
        ).map(([layout, label]) => (
          <label key={layout}>
            <input type="radio" name="survey-layout" checked={mapping.layout === layout} onChange={() => onChange({ ...mapping, layout })} />
            {label}
          </label>
        ))}
      </fieldset>
      {problem ? (
        <p className="form-error">{problem}</p>
      ) : (
        <p className="mapping-summary">
          {table.rows.length} respondent{table.rows.length === 1 ? '' : 's'} become{table.rows.length === 1 ? 's a case' : ' cases'} with {mapping.attributeColumns.length} attribute
          {mapping.attributeColumns.length === 1 ? '' : 's'}; the answers become {sources} source{sources === 1 ? '' : 's'}. Blank answers are kept as “[no answer]”.
        </p>
      )}
      <div className="mapping-preview">
        <table aria-label="First rows">
          <ColumnHeads names={table.columns} />
          <tbody>
            {table.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.rows.length > PREVIEW_ROWS && <p className="hint">…and {table.rows.length - PREVIEW_ROWS} more rows.</p>}
      </div>
    </div>
  );
}
