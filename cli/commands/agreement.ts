// marginalia agreement FILE.qdpx --coders A,B[,C…] [--unit …] [--codes …]: the agreement table
// (shared/analysis/agreement) as CSV on standard output, one row per code and an overall row.
import { randomUUID } from 'node:crypto';
import { readQdpx } from '../../shared/refi/qdpxRead';
import { runAgreementCommand } from '../../shared/analysis/agreement/agreementCommand';
import { UsageError, type ParsedArgs } from '../args';
import { readInput } from '../files';
import type { Output } from '../output';

export const AGREEMENT_OPTIONS = ['coders', 'unit', 'codes', 'missing', 'seed'] as const;

export function agreement({ positional, options }: ParsedArgs, out: Output): number {
  if (positional.length !== 1) throw new UsageError('agreement takes one project: marginalia agreement FILE.qdpx --coders A,B');
  const file = positional[0]!;
  if (!/\.qdpx$/i.test(file)) throw new UsageError(`agreement reads a .qdpx project, not ${file}`);
  const text = (name: string): string | undefined => {
    const value = options.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  if (text('coders') === undefined) throw new UsageError('agreement needs the coders to compare: --coders A,B');
  const { snapshot, report } = readQdpx(readInput(file), { newId: randomUUID });
  for (const entry of report.entries) if (entry.kind !== 'info') out.warn(entry.text);
  const result = runAgreementCommand(snapshot, { coders: text('coders'), unit: text('unit'), codes: text('codes'), missing: text('missing'), seed: text('seed') });
  if (!result.ok) {
    out.error(result.reason);
    return 1;
  }
  // Standard output is read by scripts, not by Excel: no byte order mark.
  out.stdout(result.csv.replace(/^\uFEFF/, '').replace(/\r\n$/, ''));
  return 0;
}
