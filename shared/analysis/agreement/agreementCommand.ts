// `marginalia agreement FILE.qdpx --coders A,B[,C…] [--unit …] [--codes …]` without the file
// and the process: from the option strings as typed to the CSV on stdout, or one readable line
// for stderr (and a non-zero exit). The CLI reads the .qdpx into a snapshot and calls this.
import { buildAgreementCsv } from './agreementCsv';
import { computeAgreement, type AgreementProject } from './agreementTable';
import { UNIT_KINDS, type UnitKind } from './agreementUnits';
import type { MissingRule } from './codedPatterns';
import { resolveCodes } from './resolveCodes';

export interface AgreementOptions {
  /** "Ann,Ben" (names or ids). */
  coders?: string;
  /** One of character, sentence, paragraph, segment, case (default paragraph). */
  unit?: string;
  /** "Trust,Emotions > Anger" (ids, paths or unique names); all codable codes when absent. */
  codes?: string;
  /** "uncodedSource" (default) or "none". */
  missing?: string;
  /** Bootstrap seed (default 1). */
  seed?: string;
}

export const DEFAULT_UNIT: UnitKind = 'paragraph';

export type AgreementCommandResult = { ok: true; csv: string } | { ok: false; reason: string };

/** Splits a comma-separated option; a code path may itself not contain a comma. */
function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function runAgreementCommand(project: AgreementProject, options: AgreementOptions): AgreementCommandResult {
  if (!options.coders) return { ok: false, reason: 'Name the coders to compare: --coders A,B' };
  const unit = (options.unit ?? DEFAULT_UNIT).trim().toLowerCase() as UnitKind;
  if (!UNIT_KINDS.includes(unit)) return { ok: false, reason: `Unknown unit "${options.unit}": use one of ${UNIT_KINDS.join(', ')}.` };
  const missing = (options.missing ?? 'uncodedSource') as MissingRule;
  if (missing !== 'uncodedSource' && missing !== 'none') return { ok: false, reason: `Unknown missing-data rule "${options.missing}": use uncodedSource or none.` };
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(seed)) return { ok: false, reason: `The seed must be a whole number, not "${options.seed}".` };
  let codeIds: string[] | undefined;
  if (options.codes !== undefined) {
    const codes = resolveCodes(project.codes, list(options.codes));
    if (!codes.ok) return codes;
    codeIds = codes.codeIds;
  }
  const result = computeAgreement(project, { coders: list(options.coders), unit, codeIds, missing, bootstrap: { seed } });
  return result.ok ? { ok: true, csv: buildAgreementCsv(result.table) } : result;
}
