// "Go there" for a memo: open its source, select its code, scroll to its coding, or open the
// first source its case speaks in.
import type { Memo } from '../../../../shared/model/types';
import { findCoding, memoTargetExists } from '../../db/memoQueries';
import { readCaseWithLinks } from '../../db/caseQueries';
import { useUiStore } from '../../stores/uiStore';

export async function goToMemoTarget(memo: Pick<Memo, 'targetKind' | 'targetId'>): Promise<void> {
  const ui = useUiStore.getState();
  switch (memo.targetKind) {
    case 'project':
      return;
    case 'source':
      if (!(await memoTargetExists('source', memo.targetId))) throw new Error('The source of this memo no longer exists.');
      ui.openSource(memo.targetId);
      return;
    case 'code':
      if (!(await memoTargetExists('code', memo.targetId))) throw new Error('The code of this memo no longer exists.');
      ui.selectCode(memo.targetId);
      return;
    case 'coding': {
      const coding = await findCoding(memo.targetId);
      if (!coding) throw new Error('The coding of this memo no longer exists.');
      ui.revealSpan(coding.sourceId, coding.start, coding.end, coding.exact);
      return;
    }
    case 'case': {
      const read = await readCaseWithLinks(memo.targetId);
      if (!read) throw new Error('The case of this memo no longer exists.');
      const { found, links } = read;
      links.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      const link = links[0];
      if (!link) throw new Error(`The case “${found.name}” is not linked to any source yet.`);
      if (link.start !== undefined && link.end !== undefined) ui.revealSpan(link.sourceId, link.start, link.end);
      else ui.openSource(link.sourceId);
      return;
    }
  }
}
