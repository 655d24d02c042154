// A code chooser in codebook order, indented by depth; folders can be chosen (with their subcodes
// they are a theme's segments).
import type { Code } from '../../../../shared/model/types';
import { isCodableCode } from '../../../../shared/codebook/folder';

export interface CodePickerProps {
  label: string;
  entries: ReadonlyArray<{ code: Code; depth: number }>;
  value: string | null;
  placeholder: string;
  onChange(codeId: string | null): void;
}

export function CodePicker({ label, entries, value, placeholder, onChange }: CodePickerProps) {
  return (
    <select aria-label={label} className="code-picker" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{placeholder}</option>
      {entries.map(({ code, depth }) => (
        <option key={code.id} value={code.id}>
          {'\u00a0\u00a0\u00a0'.repeat(depth)}
          {code.name}
          {isCodableCode(code) ? '' : ' (folder)'}
        </option>
      ))}
    </select>
  );
}
