// The one active analysis filter: ticks, chips and saved filters all change the same filter; an
// emptied kind leaves nothing behind; a hand change forgets which saved filter it came from; a
// change of project starts unfiltered.
import { beforeEach, describe, expect, it } from 'vitest';
import { filterKey, selectAppliedSavedId, selectFilterKey, useAnalysisFilterStore } from '../../../renderer/src/stores/analysisFilterStore';
import { useUiStore } from '../../../renderer/src/stores/uiStore';

const store = () => useAnalysisFilterStore.getState();

beforeEach(() => {
  store().clearFilter();
  useUiStore.getState().openProject('p1');
});

describe('analysis filter store', () => {
  it('ticks and unticks cases, and an emptied kind leaves an empty filter', () => {
    store().toggleCase('a');
    store().toggleCase('b');
    expect(store().filter).toEqual({ caseIds: ['a', 'b'] });
    store().toggleCase('a');
    store().toggleCase('b');
    expect(store().filter).toEqual({});
    expect(selectFilterKey(store())).toBe('');
  });

  it('combines kinds, removes one condition or one kind, and keys the filter stably', () => {
    store().setCaseTypes(['commenter']);
    store().addCondition({ attributeId: 'age', op: 'range', min: 20 });
    store().addCondition({ attributeId: 'region', op: 'equals', value: 'Kanto' });
    store().setCoders(['ada']);
    store().removeCondition(0);
    store().clearKind('coders');
    expect(store().filter).toEqual({ caseTypes: ['commenter'], attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }] });
    expect(selectFilterKey(store())).toBe(filterKey({ caseTypes: ['commenter'], attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }] }));
    expect(selectFilterKey(store())).not.toBe('');
  });

  it('remembers the saved filter applied until the filter is changed by hand', () => {
    store().setFilter({ caseIds: ['a'] }, 'saved-1');
    expect(selectAppliedSavedId(store())).toBe('saved-1');
    store().toggleCase('b');
    expect(selectAppliedSavedId(store())).toBeNull();
    expect(store().filter).toEqual({ caseIds: ['a', 'b'] });
  });

  it('starts unfiltered in another project', () => {
    store().setSourceIds(['s1']);
    useUiStore.getState().openProject('p2');
    expect(store().filter).toEqual({});
  });
});
