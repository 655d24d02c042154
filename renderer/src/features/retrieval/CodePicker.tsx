// A code chooser in codebook order; a subcode reads as its path ("Access › Digital access"), which
// a closed select shows better than indentation. Folders can be chosen: with their subcodes they
// are a theme's segments.
import { useMemo } from 'react';
import type { Code } from '../../../../shared/model/types';
import { pathSegments } from '../../../../shared/codebook/tree';
import { isCodableCode } from '../../../../shared/codebook/folder';

export interface CodePickerProps {
  label: string;
  entries: ReadonlyArray<{ code: Code; depth: number }>;
  value: string | null;
  placeholder: string;
  onChange(codeId: string | null): void;
}

export function CodePicker({ label, entries, value, placeholder, onChange }: CodePickerProps) {
  const byId = useMemo(() => new Map(entries.map((e) => [e.code.id, e.code])), [entries]);
  return (
    <select aria-label={label} className="code-picker" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{placeholder}</option>
      {entries.map(({ code }) => (
        <option key={code.id} value={code.id}>
          {pathSegments(byId, code.id).join(' › ')}
          {isCodableCode(code) ? '' : ' (folder)'}
        </option>
      ))}
    </select>
  );
}
