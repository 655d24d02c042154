// marginalia export FILE.qdpx --codebook A.csv --segments B.csv: the app's two CSV exports.
import { randomUUID } from 'node:crypto';
import { readQdpx } from '../../shared/refi/qdpxRead';
import { codebookCsvOf, segmentsCsvOf } from '../../shared/analysis/projectCsvExports';
import { UsageError, type ParsedArgs } from '../args';
import { readInput, writeOutput } from '../files';
import type { Output } from '../output';

export function exportCsv({ positional, options }: ParsedArgs, out: Output): number {
  if (positional.length !== 1) throw new UsageError('export takes one project: marginalia export FILE.qdpx --codebook A.csv --segments B.csv');
  const codebook = options.get('codebook');
  const segments = options.get('segments');
  if (typeof codebook !== 'string' && typeof segments !== 'string') throw new UsageError('export needs --codebook FILE.csv, --segments FILE.csv or both');
  const { snapshot, report } = readQdpx(readInput(positional[0]!), { newId: randomUUID });
  for (const entry of report.entries) if (entry.kind !== 'info') out.warn(entry.text);
  if (typeof codebook === 'string') writeOutput(codebook, codebookCsvOf(snapshot));
  if (typeof segments === 'string') writeOutput(segments, segmentsCsvOf(snapshot));
  return 0;
}
