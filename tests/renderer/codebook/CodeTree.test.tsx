// The code tree as a screen reader and a keyboard user meet it: a multi-selectable tree of
// treeitems named by the codes, Ctrl/Shift selection, and Alt+arrows to rearrange.
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Code } from '../../../shared/model/types';
import { flattenTree } from '../../../shared/codebook/tree';
import { CodeTree } from '../../../renderer/src/features/codebook/CodeTree';
import type { CodeArrangement } from '../../../renderer/src/db/operations/codebook';

function code(id: string, name: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code {
  return { id, projectId: 'p', parentId, name, description: '', color: '#e6194b', order, createdAt: '', ...extra };
}

const CODES = [
  code('a', 'Access', null, 1, { isCodable: false }),
  code('n', 'Night travel', 'a', 1),
  code('s', 'Safety', null, 2),
  code('c', 'Cost', null, 3),
];

function Harness({ onArrange, onEdit, onDelete }: { onArrange(a: CodeArrangement): Promise<void>; onEdit?(id: string): void; onDelete?(id: string): void }) {
  const [selection, setSelection] = useState<{ ids: string[]; focus: string | null }>({ ids: [], focus: null });
  return (
    <CodeTree
      codes={CODES}
      entries={flattenTree(CODES)}
      filtered={false}
      count={() => 0}
      countLabel="codings"
      shortcuts={new Map([['n', 1], ['s', 2], ['c', 3]])}
      selectedIds={selection.ids}
      focusId={selection.focus}
      onSelect={(ids, focus) => setSelection({ ids, focus })}
      onArrange={onArrange}
      {...(onEdit ? { onEdit } : {})}
      {...(onDelete ? { onDelete } : {})}
    />
  );
}

describe('CodeTree', () => {
  it('edits the focused code with Enter or F2 and asks to delete it with Delete', async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    render(<Harness onArrange={vi.fn()} onEdit={onEdit} onDelete={onDelete} />);
    await user.click(screen.getByRole('treeitem', { name: 'Safety' }));
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}{F2}');
    await user.keyboard('{Delete}');
    expect(onEdit.mock.calls).toEqual([['s'], ['c']]);
    expect(onDelete.mock.calls).toEqual([['c']]);
  });

  it('is a multi-selectable tree of codes named exactly by their names', () => {
    render(<Harness onArrange={vi.fn()} />);
    const tree = screen.getByRole('tree', { name: 'Codes' });
    expect(tree).toHaveAttribute('aria-multiselectable', 'true');
    const items = screen.getAllByRole('treeitem');
    expect(items.map((i) => `${i.getAttribute('aria-level')}:${i.getAttribute('aria-label')}`)).toEqual([
      '1:Access',
      '2:Night travel',
      '1:Safety',
      '1:Cost',
    ]);
    // A folder gets no digit: the digits apply codes to text.
    expect(screen.getByRole('treeitem', { name: 'Access' }).querySelector('kbd')).toBeNull();
    // The key is drawn from a data attribute (not part of the name) and said as the description.
    expect(screen.getByRole('treeitem', { name: 'Night travel' }).querySelector('kbd')).toHaveAttribute('data-key', '1');
    expect(screen.getByRole('treeitem', { name: 'Night travel' })).toHaveAttribute('aria-description', expect.stringContaining('key 1'));
  });

  it('selects several codes with Ctrl+click, Shift+click and Shift+arrows', async () => {
    const user = userEvent.setup();
    render(<Harness onArrange={vi.fn()} />);
    const selected = () => screen.getAllByRole('treeitem', { selected: true }).map((i) => i.getAttribute('aria-label'));
    await user.click(screen.getByRole('treeitem', { name: 'Safety' }));
    await user.keyboard('{Control>}');
    await user.click(screen.getByRole('treeitem', { name: 'Access' }));
    await user.keyboard('{/Control}');
    expect(selected()).toEqual(['Access', 'Safety']);
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('treeitem', { name: 'Cost' }));
    await user.keyboard('{/Shift}');
    expect(selected()).toEqual(['Access', 'Night travel', 'Safety', 'Cost']);
    await user.click(screen.getByRole('treeitem', { name: 'Night travel' }));
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(selected()).toEqual(['Night travel', 'Safety']);
  });

  it('rearranges the selection with Alt+arrows', async () => {
    const user = userEvent.setup();
    const onArrange = vi.fn((_arrangement: CodeArrangement) => Promise.resolve());
    render(<Harness onArrange={onArrange} />);
    await user.click(screen.getByRole('treeitem', { name: 'Cost' }));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(onArrange.mock.calls.map(([a]) => a)).toEqual([
      { kind: 'reorder', codeIds: ['c'], direction: 'up' },
      { kind: 'indent', codeIds: ['c'] },
      { kind: 'outdent', codeIds: ['c'] },
      { kind: 'reorder', codeIds: ['c'], direction: 'down' },
    ]);
  });

  it('still moves through the tree and folds branches with plain arrows', async () => {
    const user = userEvent.setup();
    render(<Harness onArrange={vi.fn()} />);
    await user.click(screen.getByRole('treeitem', { name: 'Access' }));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('treeitem', { name: 'Access' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('treeitem', { name: 'Night travel' })).toBeNull();
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(screen.getByRole('treeitem', { name: 'Night travel' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('treeitem', { name: 'Cost' })).toHaveAttribute('aria-selected', 'true');
  });
});
