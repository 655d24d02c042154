// What the memo dialog's "Attached to" list offers: sources, codes and cases matching the search
// box (accents and case ignored), cases sorted by name as people look them up ("P2" before "P10"),
// and the current choice always kept, so filtering never silently changes what is selected.
import { foldForSearch } from '../../../../shared/text/searchFold';

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** `items` whose name contains `query`, in their given order (or by name with `sort`). */
export function matchingChoices<T extends { id: string; name: string }>(items: Iterable<T>, query: string, keepId: string | null, sort = false): T[] {
  const needle = foldForSearch(query.trim());
  const list = [...items].filter((item) => item.id === keepId || needle === '' || foldForSearch(item.name).includes(needle));
  return sort ? list.sort((a, b) => byName.compare(a.name, b.name)) : list;
}
