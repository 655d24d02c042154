// The agreement table as CSV, for the "Export CSV" button and `marginalia agreement`: one row per
// code (its name and its path in the codebook), then the overall row. Figures to 4 decimals; a
// figure that is not defined is written "not defined", never a number or an empty cell that a
// spreadsheet would average as zero.
import { writeCsvRows } from '../../csv/writeCsv';
import type { AgreementRow, AgreementTable } from './agreementTable';
import type { Figure } from './unitValues';

const DIGITS = 4;

function figure(f: Figure | undefined): string {
  return f === null || f === undefined ? 'not defined' : f.toFixed(DIGITS);
}

/** Character counts can be large; unit counts are whole numbers either way. */
function count(n: number): number {
  return Math.round(n);
}

export function agreementCsvHeader(table: Pick<AgreementTable, 'coders' | 'unit'>): string[] {
  const names = table.coders.map((c) => c.name);
  const what = table.unit === 'character' ? 'characters' : 'units';
  const counts =
    names.length === 2
      ? ['both', `only ${names[0]}`, `only ${names[1]}`, 'neither']
      : ['all coders', 'no coder', 'some coders', ...names.map((n) => `coded by ${n}`)];
  const kappa = names.length === 2 ? "Cohen's kappa" : "Fleiss' kappa";
  return ['code', 'path', what, `pairable ${what}`, `complete ${what}`, ...counts, 'percent agreement', kappa, "Krippendorff's alpha", 'alpha CI low', 'alpha CI high'];
}

function cells(row: AgreementRow, coderCount: number): Array<string | number> {
  const c = row.counts;
  const counts =
    coderCount === 2
      ? [c.all, c.perCoder[0]! - c.all, c.perCoder[1]! - c.all, c.none]
      : [c.all, c.none, c.some, ...c.perCoder];
  return [
    row.name,
    row.path,
    count(c.units),
    count(c.pairable),
    count(c.complete),
    ...counts.map(count),
    figure(row.percentAgreement),
    figure(coderCount === 2 ? row.cohenKappa : row.fleissKappa),
    figure(row.alpha),
    figure(row.alphaInterval?.low),
    figure(row.alphaInterval?.high),
  ];
}

export function buildAgreementCsv(table: AgreementTable): string {
  const m = table.coders.length;
  return writeCsvRows(agreementCsvHeader(table), [...table.rows.map((r) => cells(r, m)), cells(table.overall, m)]);
}
