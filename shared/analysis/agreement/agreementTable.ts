// The agreement table a methods section quotes: for chosen coders, sources, cases and codes, at
// one unit of analysis, one row per code with every figure and the counts behind it, and an
// overall row. The overall row pools the codes: each (unit, code) pair is one unit of binary
// "applied / not applied" data, so codes with many units weigh more (the usual way to report one
// figure over a codebook; the per-code rows are what to inspect).
import type { Coder } from '../../model/coder';
import type { Code } from '../../model/types';
import { codePath } from '../../codebook/tree';
import type { BootstrapOptions } from './bootstrapAlpha';
import { codedPatterns, type CodedPatterns, type MissingRule, type PatternProject, type PreparedUnits } from './codedPatterns';
import type { UnitKind, UnitScope } from './agreementUnits';
import { figuresOfPatterns, type AgreementFigures } from './patternStatistics';
import { resolveCoders } from './resolveCoders';

export interface AgreementProject extends PatternProject {
  coders: readonly Coder[];
  codes: readonly Code[];
}

export interface AgreementRequest {
  /** Coders by id or name (case-insensitive); two or more. */
  coders: readonly string[];
  unit: UnitKind;
  /** Codes by id; default every codable code. */
  codeIds?: readonly string[];
  scope?: UnitScope;
  missing?: MissingRule;
  /** Bootstrap settings for alpha's interval, or false for none (default: 1000 resamples, seed 1). */
  bootstrap?: BootstrapOptions | false;
  /** The units of `unit` and `scope`, built before (`prepareUnits`); built here when absent. */
  prepared?: PreparedUnits;
  /**
   * The counts of an earlier computation of the same coders, codes, unit and scope (a result's
   * `patterns`): the figures come first, the bootstrap intervals after, without counting again.
   */
  patterns?: CodedPatterns;
}

export interface AgreementRow extends AgreementFigures {
  /** Null for the overall row. */
  codeId: string | null;
  name: string;
  /** "Parent > Child"; "" for the overall row. */
  path: string;
}

export interface AgreementTable {
  unit: UnitKind;
  coders: Array<{ id: string; name: string }>;
  rows: AgreementRow[];
  overall: AgreementRow;
  /** Units in scope (characters at character level). */
  unitCount: number;
}

export type AgreementResult = { ok: true; table: AgreementTable; patterns: CodedPatterns } | { ok: false; reason: string };

export const OVERALL_NAME = 'Overall';

export function computeAgreement(project: AgreementProject, request: AgreementRequest): AgreementResult {
  const coders = resolveCoders(project, request.coders);
  if (!coders.ok) return coders;
  const byId = new Map(project.codes.map((c) => [c.id, c]));
  const codeIds = [...new Set(request.codeIds ?? project.codes.filter((c) => c.isCodable !== false).map((c) => c.id))];
  const unknown = codeIds.find((id) => !byId.has(id));
  if (unknown !== undefined) return { ok: false, reason: `There is no code with the id "${unknown}" in this project.` };
  const coderIds = coders.coders.map((c) => c.id);
  const patterns = request.patterns ?? codedPatterns(project, { coderIds, codeIds, unit: request.unit, scope: request.scope, missing: request.missing, prepared: request.prepared });
  const bootstrap = request.bootstrap ?? {};
  const rows: AgreementRow[] = codeIds.map((codeId) => ({
    codeId,
    name: byId.get(codeId)!.name,
    path: codePath(byId, codeId),
    ...figuresOfPatterns(patterns.byCode.get(codeId)!, coderIds.length, bootstrap),
  }));
  const pooled = new Map<number, number>();
  for (const hist of patterns.byCode.values()) for (const [p, w] of hist) pooled.set(p, (pooled.get(p) ?? 0) + w);
  const overall: AgreementRow = { codeId: null, name: OVERALL_NAME, path: '', ...figuresOfPatterns(pooled, coderIds.length, bootstrap) };
  return { ok: true, table: { unit: request.unit, coders: coders.coders, rows, overall, unitCount: patterns.unitCount }, patterns };
}
