// marginalia export FILE.qdpx --codebook A.csv --segments B.csv --matrix M.csv [--unit U] [--counts]:
// the app's CSV exports, built by the same builders as the app, so the bytes are the same.
import { randomUUID } from 'node:crypto';
import { readQdpx } from '../../shared/refi/qdpxRead';
import { codebookCsvOf, segmentsCsvOf } from '../../shared/analysis/projectCsvExports';
import { isMatrixUnit, unitMatrixCsvOf } from '../../shared/analysis/unitMatrixExport';
import { UsageError, type ParsedArgs } from '../args';
import { readInput, writeOutput } from '../files';
import type { Output } from '../output';

export const EXPORT_VALUED = ['codebook', 'segments', 'matrix', 'unit'];
export const EXPORT_FLAGS = ['counts'];

export function exportCsv({ positional, options }: ParsedArgs, out: Output): number {
  if (positional.length !== 1) throw new UsageError('export takes one project: marginalia export FILE.qdpx --codebook A.csv --segments B.csv --matrix M.csv');
  const codebook = options.get('codebook');
  const segments = options.get('segments');
  const matrix = options.get('matrix');
  if (typeof codebook !== 'string' && typeof segments !== 'string' && typeof matrix !== 'string') {
    throw new UsageError('export needs --codebook FILE.csv, --segments FILE.csv, --matrix FILE.csv or several');
  }
  const unit = options.get('unit') ?? 'case';
  if (!isMatrixUnit(unit)) throw new UsageError(`--unit must be case, segment, paragraph or source, not “${String(unit)}”`);
  if (typeof matrix !== 'string' && (options.has('unit') || options.has('counts'))) throw new UsageError('--unit and --counts go with --matrix FILE.csv');
  const { snapshot, report } = readQdpx(readInput(positional[0]!), { newId: randomUUID });
  for (const entry of report.entries) if (entry.kind !== 'info') out.warn(entry.text);
  if (typeof codebook === 'string') writeOutput(codebook, codebookCsvOf(snapshot));
  if (typeof segments === 'string') writeOutput(segments, segmentsCsvOf(snapshot));
  if (typeof matrix === 'string') writeOutput(matrix, unitMatrixCsvOf(snapshot, { unit, counts: options.get('counts') === true }));
  return 0;
}
