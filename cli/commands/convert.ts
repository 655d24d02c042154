// marginalia convert IN OUT: a codebook between CSV, .qdc and .qdpx (its codebook part).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { codebookFormatOf, readCodebook, writeCodebook } from '../../shared/codebook/codebookConvert';
import { UsageError } from '../args';
import { readInput, writeOutput } from '../files';
import type { Output } from '../output';

export function convert(positional: readonly string[], out: Output): number {
  if (positional.length !== 2) throw new UsageError('convert takes two files: marginalia convert IN OUT (.csv, .qdc or .qdpx)');
  const [input, output] = positional as [string, string];
  const from = codebookFormatOf(input);
  const to = codebookFormatOf(output);
  if (!from) throw new UsageError(`cannot tell the format of ${input}: name it .csv, .qdc or .qdpx`);
  if (!to) throw new UsageError(`cannot tell the format of ${output}: name it .csv, .qdc or .qdpx`);
  const now = new Date().toISOString();
  const codebook = readCodebook(from, readInput(input), { newId: randomUUID, now });
  for (const message of codebook.messages) out.warn(message);
  writeOutput(output, writeCodebook(to, codebook, { name: path.basename(output).replace(/\.[^.]+$/, ''), now }));
  return 0;
}
