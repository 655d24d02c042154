// The command line's commands and its one error policy: every failure is one readable line on
// standard error and a non-zero exit status, never a stack trace.
import { parseArgs, UsageError } from './args';
import { FileError } from './files';
import type { Output } from './output';
import { info } from './commands/info';
import { EXPORT_FLAGS, EXPORT_VALUED, exportCsv } from './commands/export';
import { convert } from './commands/convert';
import { validate } from './commands/validate';
import { agreement, AGREEMENT_OPTIONS } from './commands/agreement';
import { QdpxFileError } from '../shared/refi/qdpxRead';
import { CodebookFileError } from '../shared/refi/qdcRead';
import { XmlFileError } from '../shared/refi/xmlTree';

export const HELP = `marginalia: REFI-QDA project files (.qdpx) and codebooks from the command line

Usage:
  marginalia info FILE.qdpx
      What the project holds, as JSON: sources, codes, codings, coders, notes, cases, …
  marginalia export FILE.qdpx [--codebook A.csv] [--segments B.csv]
                   [--matrix M.csv [--unit case|segment|paragraph|source] [--counts]]
      The app's codebook, coded segments and unit × code matrix CSV exports. The
      matrix has one row per unit (case by default), one 0/1 column per code (or
      counts with --counts), then the unit's case attributes.
  marginalia convert IN OUT
      A codebook between CSV, .qdc and .qdpx (its codebook part), by file extension.
  marginalia validate FILE.qdpx|FILE.qdc
      Schema (with xmllint, when installed) and integrity: references resolve, no GUID
      is used twice, every selection lies inside its text. Exit status 1 on any problem.
  marginalia agreement FILE.qdpx --coders A,B[,C…] [--unit U] [--codes X,Y]
      Agreement between coders (named by name or id) as CSV: one row per code (name and
      path), then an overall row. U is character, sentence, paragraph (default), segment
      (speaker turns, survey answers, split segments) or case. Codes by name, path or id;
      every codable code when absent. Exit status 1 when a coder or code is unknown.
  marginalia --help | --version

Positions in CSV files count Unicode code points, as REFI-QDA, Python and R do.`;

/** Runs one command line; returns the exit status (0 fine, 1 failed or invalid, 2 bad usage). */
export function main(argv: readonly string[], out: Output, version: string): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out.stdout(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      out.stdout(version);
      return 0;
    }
    switch (command) {
      case 'info':
        return info(parseArgs(rest, [], []).positional, out);
      case 'export':
        return exportCsv(parseArgs(rest, EXPORT_VALUED, EXPORT_FLAGS), out);
      case 'convert':
        return convert(parseArgs(rest, [], []).positional, out);
      case 'validate':
        return validate(parseArgs(rest, [], []).positional, out);
      case 'agreement':
        return agreement(parseArgs(rest, AGREEMENT_OPTIONS, []), out);
      default:
        throw new UsageError(`unknown command “${command}” (try marginalia --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(error.message);
      return 2;
    }
    if (error instanceof FileError || error instanceof QdpxFileError || error instanceof CodebookFileError || error instanceof XmlFileError) {
      out.error(error.message);
      return 1;
    }
    // Anything else is a bug of ours; the user still gets one line, not a stack trace.
    out.error(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
