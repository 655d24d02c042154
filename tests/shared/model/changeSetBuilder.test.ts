// The builder plan functions use to say what a step adds, updates and removes: kinds with nothing
// changed are absent, and an update that changes nothing is left out (it would conflict later).
import { describe, expect, it } from 'vitest';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';
import { isEmptyChangeSet } from '../../../shared/model/changeSet';

const code = (name: string) => ({ id: 'k1', projectId: 'p', parentId: null, name, description: '', color: '#000000', order: 1, createdAt: '' });

describe('ChangeSetBuilder', () => {
  it('gathers additions, updates and removals by kind', () => {
    const set = new ChangeSetBuilder().add('codes', code('A')).update('codes', code('A'), code('B')).remove('memos').build();
    expect(set).toEqual({ codes: { added: [code('A')], updated: [[code('A'), code('B')]], removed: [] } });
  });

  it('leaves out updates that change nothing, so an empty step stays empty', () => {
    const set = new ChangeSetBuilder().update('codes', code('A'), { ...code('A'), memo: undefined }).build();
    expect(isEmptyChangeSet(set)).toBe(true);
  });
});
