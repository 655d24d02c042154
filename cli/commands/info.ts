// marginalia info FILE.qdpx: what the project holds, as JSON on standard output.
import { randomUUID } from 'node:crypto';
import { readQdpx } from '../../shared/refi/qdpxRead';
import { summariseProject } from '../../shared/refi/projectSummary';
import { UsageError } from '../args';
import { readInput } from '../files';
import type { Output } from '../output';

export function info(positional: readonly string[], out: Output): number {
  if (positional.length !== 1) throw new UsageError('info takes one file: marginalia info FILE.qdpx');
  const file = positional[0]!;
  if (!/\.qdpx$/i.test(file)) throw new UsageError(`info reads a .qdpx project, not ${file}`);
  const { snapshot, report } = readQdpx(readInput(file), { newId: randomUUID });
  out.stdout(JSON.stringify(summariseProject(snapshot, report), null, 2));
  return 0;
}
