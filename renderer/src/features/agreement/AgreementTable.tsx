// The agreement table: one row per code (its path as the row header), then the overall row, with
// the counts behind the figures and each figure. Two coders: both / only A / only B / neither
// and Cohen's kappa; more: all / some / none and Fleiss' kappa. Alpha with its bootstrap interval
// either way.
import type { AgreementRow, AgreementTable as Table } from '../../../../shared/analysis/agreement/agreementTable';
import type { Code } from '../../../../shared/model/types';
import { coefficient, count, interval, percent } from './agreementFigures';

export interface AgreementTableProps {
  table: Table;
  codesById: ReadonlyMap<string, Code>;
}

export function AgreementTable({ table, codesById }: AgreementTableProps) {
  const two = table.coders.length === 2;
  const [a, b] = table.coders;
  const what = table.unit === 'character' ? 'Characters' : 'Units';
  const countHeads = two ? ['Both', `Only ${a!.name}`, `Only ${b!.name}`, 'Neither'] : ['All coders', 'Some coders', 'No coder'];
  const countsOf = (row: AgreementRow): number[] => {
    const c = row.counts;
    return two ? [c.all, c.perCoder[0]! - c.all, c.perCoder[1]! - c.all, c.none] : [c.all, c.some, c.none];
  };
  const line = (row: AgreementRow, overall: boolean) => {
    const code = row.codeId ? codesById.get(row.codeId) : undefined;
    return (
      <tr key={row.codeId ?? 'overall'} className={overall ? 'agreement-overall' : undefined}>
        <th scope="row" title={row.path || undefined}>
          {code && <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />}
          {overall ? row.name : row.path}
        </th>
        <td>{count(row.counts.units)}</td>
        <td>{count(row.counts.pairable)}</td>
        {countsOf(row).map((n, i) => (
          <td key={i}>{count(n)}</td>
        ))}
        <td>{percent(row.percentAgreement)}</td>
        <td>{coefficient(two ? row.cohenKappa : row.fleissKappa)}</td>
        <td>{coefficient(row.alpha)}</td>
        <td>{row.alphaInterval ? interval(row.alphaInterval) : '…'}</td>
      </tr>
    );
  };
  return (
    <table className="agreement-table" aria-label="Agreement per code">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">{what}</th>
          <th scope="col" title={`${what} with values from two or more coders`}>
            Pairable
          </th>
          {countHeads.map((h) => (
            <th scope="col" key={h} title={`${what} with a value from every coder`}>
              {h}
            </th>
          ))}
          <th scope="col">Percent agreement</th>
          <th scope="col">{two ? 'Cohen’s kappa' : 'Fleiss’ kappa'}</th>
          <th scope="col">Krippendorff’s alpha</th>
          <th scope="col">Alpha 95% interval</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => line(row, false))}
        {line(table.overall, true)}
      </tbody>
    </table>
  );
}
