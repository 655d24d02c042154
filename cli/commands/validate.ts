// marginalia validate FILE.qdpx|FILE.qdc: the schema (with xmllint, when installed) and the
// integrity checks; one line per problem, exit status 1 when there is any.
import { validateQdc, validateQdpx } from '../../shared/refi/qdpxValidate';
import { UsageError } from '../args';
import { readInput } from '../files';
import type { Output } from '../output';
import { hasXmllint, schemaProblems } from '../xmllint';

export function validate(positional: readonly string[], out: Output): number {
  if (positional.length !== 1) throw new UsageError('validate takes one file: marginalia validate FILE.qdpx|FILE.qdc');
  const file = positional[0]!;
  const kind = /\.qdpx$/i.test(file) ? 'project' : /\.qdc$/i.test(file) ? 'codebook' : null;
  if (!kind) throw new UsageError(`validate reads a .qdpx project or a .qdc codebook, not ${file}`);
  const bytes = readInput(file);
  const result = kind === 'project' ? validateQdpx(bytes) : validateQdc(bytes);
  let failed = false;
  const lint = hasXmllint();
  if (result.xml !== null && lint) {
    for (const line of schemaProblems(result.xml, kind, kind === 'project' ? `${file}:project.qde` : file)) {
      out.stdout(`${file}: schema: ${line}`);
      failed = true;
    }
  }
  for (const problem of result.problems) {
    out.stdout(`${file}: ${problem.severity}: ${problem.text}`);
    if (problem.severity === 'error') failed = true;
  }
  if (!lint) out.stdout(`${file}: note: xmllint was not found, so only integrity was checked (install libxml2-utils for the schema check)`);
  if (!failed) out.stdout(`${file}: valid (${lint ? 'schema and integrity' : 'integrity'})`);
  return failed ? 1 : 0;
}
