// Which codes the codebook shows under a filter: codes whose name, path or definition contains
// every typed word (and, with a code set chosen, that belong to it), each with its ancestors so
// the tree keeps its shape.
import type { Code } from '../../../../shared/model/types';
import { codePath } from '../../../../shared/codebook/tree';
import { foldForSearch } from '../../../../shared/text/searchFold';

export function filterCodebook(
  ordered: ReadonlyArray<{ code: Code; depth: number }>,
  query: string,
  members: ReadonlySet<string> | null,
): Array<{ code: Code; depth: number }> {
  const words = foldForSearch(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 && members === null) return [...ordered];
  const byId = new Map(ordered.map(({ code }) => [code.id, code]));
  const keep = new Set<string>();
  for (const { code } of ordered) {
    if (members !== null && !members.has(code.id)) continue;
    const haystack = foldForSearch(
      [codePath(byId, code.id), code.description, code.inclusion ?? '', code.exclusion ?? '', code.memo ?? ''].join('\n'),
    );
    if (!words.every((w) => haystack.includes(w))) continue;
    // The code and its ancestors (guarding against a cycle in stored data).
    let current: Code | undefined = code;
    while (current && !keep.has(current.id)) {
      keep.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return ordered.filter(({ code }) => keep.has(code.id));
}
