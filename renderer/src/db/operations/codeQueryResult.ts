// "Code the result" of a query: one code (an existing one, or a new one made in the same step)
// applied to every passage the query found, as ONE undoable step. Planned inside the commit from
// the codings stored at that moment (shared/analysis/planCodings.ts), so passages already coded
// with the code are skipped, not doubled.
import type { PassageToCode } from '../../../../shared/analysis/planCodings';
import { planCodings } from '../../../../shared/analysis/planCodings';
import { isCodableCode } from '../../../../shared/codebook/folder';
import type { Code } from '../../../../shared/model/types';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { plural } from '../../../../shared/text/plural';
import { getDb } from '../db';
import { codingsOfCodes } from '../codingsRepository';
import { commit } from './commit';
import { planNewCode } from './codes';
import { newId, nowIso } from './now';

/** Which code the passages get: one that exists, or a new top-level code of this name. */
export type CodeTarget = { codeId: string } | { newCodeName: string };

export interface CodedResult {
  code: Code;
  /** New codings made. */
  added: number;
  /** Passages already coded with the code, or not codable. */
  skipped: number;
}

export async function codeQueryResult(projectId: string, passages: readonly PassageToCode[], target: CodeTarget, coder: string): Promise<CodedResult> {
  if (passages.length === 0) throw new Error('The query found nothing to code.');
  const db = getDb();
  const sourceIds = [...new Set(passages.map((p) => p.sourceId))];
  // Texts never change after import: read them before the transaction.
  const rows = await db.sourceTexts.bulkGet(sourceIds);
  const texts = new Map(sourceIds.map((id, i) => [id, rows[i]?.projectId === projectId ? rows[i]!.text : undefined]));
  return commit(projectId, 'Code the result', async () => {
    const changes = new ChangeSetBuilder();
    let code: Code;
    if ('newCodeName' in target) {
      code = await planNewCode({ projectId, name: target.newCodeName });
      changes.add('codes', code);
    } else {
      const found = await db.codes.get(target.codeId);
      if (!found || found.projectId !== projectId) throw new Error('That code no longer exists; nothing was coded.');
      if (!isCodableCode(found)) throw new Error(`“${found.name}” is a folder: choose one of its codes instead.`);
      code = found;
    }
    const plan = planCodings({
      passages,
      codeId: code.id,
      textOf: (id) => texts.get(id),
      existing: 'newCodeName' in target ? [] : await codingsOfCodes([code.id]),
      projectId,
      coder,
      createdAt: nowIso(),
      newId,
    });
    if (plan.added === 0 && 'codeId' in target) throw new Error(`Every passage is already coded with “${code.name}”; nothing was coded.`);
    for (const coding of plan.changes.codings?.added ?? []) changes.add('codings', coding);
    return {
      changes: changes.build(),
      result: { code, added: plan.added, skipped: plan.skipped },
      label: `Code ${plural(plan.added, 'passage')} of a query with ${code.name}`,
    };
  });
}
