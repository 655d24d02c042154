// A table's header row: a column header for each name, and, for tables whose rows end in buttons,
// a last column whose name only screen readers hear (a visible "Action" heading adds nothing).
export function ColumnHeads({ names, actions }: { names: readonly string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {/* By position: a survey's columns may repeat a name. */}
        {names.map((name, i) => (
          <th key={i} scope="col">
            {name}
          </th>
        ))}
        {actions !== undefined && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
