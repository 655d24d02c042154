// The memo dialog keeps what the user wrote: Escape asks before discarding unsaved text, and a
// full disk is reported with what to do next.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Memo } from '../../../shared/model/types';
import { STORAGE_FULL_MESSAGE } from '../../../shared/errors/errorMessage';
import { MemoDialog } from '../../../renderer/src/features/memos/MemoDialog';

const operations = vi.hoisted(() => ({ createMemo: vi.fn(), updateMemo: vi.fn(), deleteMemo: vi.fn() }));
vi.mock('../../../renderer/src/db/operations/memos', () => operations);

const lookup = { sources: new Map(), codes: new Map(), codings: new Map(), cases: new Map() };
const existing: Memo = {
  id: 'm1',
  projectId: 'p1',
  targetKind: 'project',
  targetId: 'p1',
  title: 'Week 1',
  body: 'Started coding.',
  author: 'Ada',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
} as Memo;

function open(memo?: Memo) {
  const onClose = vi.fn();
  render(
    <MemoDialog
      projectId="p1"
      state={memo ? { kind: 'edit', memoId: memo.id } : { kind: 'new', targetKind: 'project', targetId: 'p1' }}
      memo={memo}
      lookup={lookup}
      author="Ada"
      onClose={onClose}
      onGoTo={vi.fn()}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: memo ? 'Edit memo' : 'New memo' });
  /** Escape pressed in the dialog (jsdom has no close watcher: the key event is all there is). */
  const pressEscape = () => fireEvent.keyDown(dialog, { key: 'Escape' });
  /** A cancel request from elsewhere (e.g. a system back gesture), which may be refusable or not. */
  const cancel = (cancelable: boolean) => fireEvent(dialog, new Event('cancel', { cancelable }));
  return { onClose, pressEscape, cancel };
}

beforeEach(() => {
  for (const fn of Object.values(operations)) fn.mockReset();
});

describe('Escape in the memo dialog', () => {
  it('closes at once when nothing was written', () => {
    const { onClose, pressEscape } = open();
    pressEscape();
    expect(onClose).toHaveBeenCalledWith(null);
  });

  it('asks before discarding new text, and keeps it when the user says so', async () => {
    const user = userEvent.setup();
    const { onClose, pressEscape } = open();
    await user.type(screen.getByLabelText('Memo text (Markdown)'), 'A thought I must not lose');
    pressEscape();
    expect(onClose).not.toHaveBeenCalled();
    const question = screen.getByRole('alertdialog', { name: 'Discard unsaved memo text?' });
    await user.click(screen.getByRole('button', { name: 'Keep writing' }));
    expect(question).not.toBeInTheDocument();
    expect(screen.getByLabelText('Memo text (Markdown)')).toHaveValue('A thought I must not lose');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('a second Escape takes the question back instead of discarding', async () => {
    const user = userEvent.setup();
    const { onClose, pressEscape } = open();
    await user.type(screen.getByLabelText('Title'), 'Draft');
    pressEscape();
    pressEscape();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('discards when the user confirms', async () => {
    const user = userEvent.setup();
    const { onClose, pressEscape } = open(existing);
    await user.type(screen.getByLabelText('Memo text (Markdown)'), ' More.');
    pressEscape();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(onClose).toHaveBeenCalledWith(null);
    expect(operations.updateMemo).not.toHaveBeenCalled();
  });

  it('asks on a cancel request it can refuse, and follows one it cannot', async () => {
    const user = userEvent.setup();
    const { onClose, cancel } = open();
    await user.type(screen.getByLabelText('Memo text (Markdown)'), 'Draft');
    cancel(true);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    cancel(false);
    expect(onClose).toHaveBeenCalledWith(null);
  });

  it('closes an unchanged existing memo without asking', () => {
    const { onClose, pressEscape } = open(existing);
    pressEscape();
    expect(onClose).toHaveBeenCalledWith(null);
  });
});

describe('saving a memo on a full disk', () => {
  it('says what to do next and keeps the text', async () => {
    const user = userEvent.setup();
    operations.createMemo.mockRejectedValue(
      Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('Quota exceeded', 'QuotaExceededError') }),
    );
    const { onClose } = open();
    await user.type(screen.getByLabelText('Memo text (Markdown)'), 'Long interview notes');
    await user.click(screen.getByRole('button', { name: 'Save memo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(STORAGE_FULL_MESSAGE);
    expect(screen.getByLabelText('Memo text (Markdown)')).toHaveValue('Long interview notes');
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('choosing what a new memo is attached to', () => {
  const cases = new Map(
    ['P10', 'p2', 'Ana', 'P1'].map((name, i) => [`c${i}`, { id: `c${i}`, projectId: 'p1', name } as never]),
  );
  const sources = new Map([['s1', { id: 's1', name: 'Interview with Ana.txt' }]]);

  function openPicker() {
    render(
      <MemoDialog
        projectId="p1"
        state={{ kind: 'new', targetKind: 'project', targetId: 'p1' }}
        memo={undefined}
        lookup={{ ...lookup, cases, sources }}
        author="Ada"
        onClose={vi.fn()}
        onGoTo={vi.fn()}
      />,
    );
    return screen.getByRole('combobox', { name: 'Attached to' }) as HTMLSelectElement;
  }
  const caseOptions = (select: HTMLSelectElement) => [...select.querySelectorAll('optgroup[label="Cases"] option')].map((o) => o.textContent);

  it('lists cases sorted by name, numbers in number order', () => {
    expect(caseOptions(openPicker())).toEqual(['Ana', 'P1', 'p2', 'P10']);
  });

  it('narrows the list to what the search box matches and picks the first match', async () => {
    const user = userEvent.setup();
    const select = openPicker();
    await user.type(screen.getByRole('searchbox', { name: 'Find what to attach to' }), 'ana');
    expect(caseOptions(select)).toEqual(['Ana']);
    expect([...select.querySelectorAll('optgroup[label="Sources"] option')].map((o) => o.textContent)).toEqual(['Interview with Ana.txt']);
    expect(select.selectedOptions[0]!.textContent).toBe('Interview with Ana.txt');
    await user.clear(screen.getByRole('searchbox', { name: 'Find what to attach to' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find what to attach to' }), 'p1');
    expect(caseOptions(select)).toEqual(['P1', 'P10']);
    expect(select.selectedOptions[0]!.textContent).toBe('P1');
  });
});
