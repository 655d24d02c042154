// The co-occurrence matrix as a table: codes down and across, each cell the number of overlapping
// codings of the two codes, shaded by its value; the diagonal is "—". A cell with overlaps is a
// button that lists them.
import type { Code } from '../../../../shared/model/types';
import type { CooccurrenceMatrix } from '../../../../shared/analysis/cooccurrence';
import type { CooccurrenceCell } from '../../stores/analysisStore';
import { plural } from '../../../../shared/text/plural';

export interface CooccurrenceTableProps {
  matrix: CooccurrenceMatrix;
  /** Which of the matrix's codes to show (indexes into matrix.codeIds), in order. */
  shown: readonly number[];
  codesById: ReadonlyMap<string, Code>;
  pathOf(codeId: string): string;
  openCell: CooccurrenceCell | null;
  onOpenCell(cell: CooccurrenceCell): void;
}

/**
 * Cell background: from near white to the accent colour. On a log scale, so one very frequent
 * pair does not wash out the differences among the others.
 */
function shade(n: number, max: number): { background?: string; color?: string } {
  if (n === 0 || max === 0) return {};
  const share = Math.log1p(n) / Math.log1p(max);
  return { background: `rgba(47, 93, 158, ${(0.1 + 0.75 * share).toFixed(3)})`, color: share > 0.5 ? '#fff' : undefined };
}

export function CooccurrenceTable({ matrix, shown, codesById, pathOf, openCell, onOpenCell }: CooccurrenceTableProps) {
  let max = 0;
  for (const i of shown) for (const j of shown) if (i !== j) max = Math.max(max, matrix.counts[i]![j]!);
  const isOpen = (a: string, b: string): boolean =>
    openCell !== null && ((openCell.firstCodeId === a && openCell.secondCodeId === b) || (openCell.firstCodeId === b && openCell.secondCodeId === a));

  const name = (codeId: string): string => codesById.get(codeId)?.name ?? 'Deleted code';
  const swatch = (codeId: string) => <span className="code-swatch" style={{ background: codesById.get(codeId)?.color ?? '#999' }} aria-hidden="true" />;

  return (
    <table className="cooccurrence-table" aria-label="Co-occurrence matrix">
      <thead>
        <tr>
          <td className="matrix-corner" />
          {shown.map((j) => {
            const id = matrix.codeIds[j]!;
            return (
              <th key={id} scope="col" className="matrix-col" title={pathOf(id)}>
                <span className="matrix-col-name">
                  {swatch(id)}
                  {name(id)}
                </span>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {shown.map((i) => {
          const rowId = matrix.codeIds[i]!;
          return (
            <tr key={rowId}>
              <th scope="row" className="matrix-row" title={pathOf(rowId)}>
                {swatch(rowId)}
                <span className="matrix-row-name">{name(rowId)}</span>
              </th>
              {shown.map((j) => {
                const colId = matrix.codeIds[j]!;
                if (i === j) {
                  return (
                    <td key={colId} className="matrix-cell diagonal" aria-label={`${name(rowId)} with itself: not counted`}>
                      —
                    </td>
                  );
                }
                const n = matrix.counts[i]![j]!;
                const label = `${name(rowId)} and ${name(colId)}: ${plural(n, 'overlap')}`;
                return (
                  <td key={colId} className={n === 0 ? 'matrix-cell zero' : 'matrix-cell'} style={shade(n, max)} title={label}>
                    {n === 0 ? (
                      0
                    ) : (
                      <button
                        type="button"
                        aria-label={label}
                        aria-pressed={isOpen(rowId, colId)}
                        onClick={() => onOpenCell({ firstCodeId: rowId, secondCodeId: colId })}
                      >
                        {n}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
