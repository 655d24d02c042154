// "All X" or a chosen few: a checkbox that, unchecked, shows a multiple-choice list. Null means
// all (so things added later are in too); an empty choice is allowed and the view says so.
export interface SubsetPickerProps {
  label: string;
  items: ReadonlyArray<{ id: string; name: string }>;
  value: readonly string[] | null;
  onChange(value: string[] | null): void;
}

export function SubsetPicker({ label, items, value, onChange }: SubsetPickerProps) {
  const all = value === null;
  return (
    <div className="subset-picker">
      <label className="check">
        <input
          type="checkbox"
          checked={all}
          disabled={items.length === 0}
          onChange={(e) => onChange(e.target.checked ? null : items.map((i) => i.id))}
        />
        All {label.toLowerCase()}
        {items.length > 0 && <span className="subset-count"> ({items.length})</span>}
      </label>
      {!all && (
        <select
          multiple
          aria-label={label}
          size={Math.min(6, Math.max(2, items.length))}
          value={[...value]}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        >
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
