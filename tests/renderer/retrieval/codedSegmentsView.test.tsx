// The Coded segments view in jsdom with the inline client: a code's segments with its subcodes in
// reading order and their count, the subcodes switch, refreshing after coding, opening a segment,
// and a code with 25,000 segments rendered a screenful at a time.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useFreshDatabase } from '../support/freshDatabase';
import { useListLayout } from './layout';
import { seedAnalysisProject, spanOf, DIARY, type AnalysisProject } from '../analysis/analysisProject';
import { CodedSegmentsView } from '../../../renderer/src/features/retrieval/CodedSegmentsView';
import { showCodedSegments } from '../../../renderer/src/features/retrieval/showCodedSegments';
import { useAnalysisStore } from '../../../renderer/src/stores/analysisStore';
import { useUiStore } from '../../../renderer/src/stores/uiStore';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';
import { addCodings } from '../support/storeCodings';
import type { Coding } from '../../../shared/model/types';

useFreshDatabase();
useListLayout();
let p: AnalysisProject;
beforeEach(async () => {
  p = await seedAnalysisProject();
  act(() => useUiStore.getState().openProject(p.projectId));
});

const rowTexts = (list: HTMLElement): string[] => within(list).getAllByRole('listitem').map((r) => r.querySelector('.segment-text')?.textContent ?? '');

describe('CodedSegmentsView', () => {
  it('lists a code’s segments with its subcodes in reading order, and without them on request', async () => {
    const user = userEvent.setup();
    act(() => showCodedSegments(p.access.id));
    expect(useUiStore.getState().centreView).toBe('segments');
    expect(useUiStore.getState().selectedCodeId).toBe(p.access.id);
    render(<CodedSegmentsView projectId={p.projectId} />);
    const view = screen.getByRole('region', { name: 'Coded segments' });
    await waitFor(() => expect(within(view).getByRole('status')).toHaveTextContent('3 segments in 2 sources'));
    const list = within(view).getByRole('list', { name: 'Segments of Access' });
    await waitFor(() => expect(rowTexts(list)).toEqual(['the route will close', 'The bus was late again', 'Walked home in the dark.']));
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent(/^notes\.txtAccess/);
    expect(rows[2]).toHaveTextContent(/^diary\.txtNight travel/);

    await user.click(within(view).getByRole('checkbox', { name: 'Include subcodes (1)' }));
    await waitFor(() => expect(within(view).getByRole('status')).toHaveTextContent('2 segments in 2 sources'));
    expect(useAnalysisStore.getState().includeSubcodes).toBe(false);
  });

  it('refreshes when a segment is coded, and follows the code picked in the view or the codebook', async () => {
    const user = userEvent.setup();
    act(() => useAnalysisStore.getState().pickRetrievalCode(p.night.id));
    render(<CodedSegmentsView projectId={p.projectId} />);
    const view = screen.getByRole('region', { name: 'Coded segments' });
    await waitFor(() => expect(within(view).getByRole('status')).toHaveTextContent('1 segment in 1 source'));
    await applyCode({ sourceId: p.diaryId, ...spanOf(DIARY, 'I missed the clinic') }, p.night.id, 'Ada');
    await waitFor(() => expect(within(view).getByRole('status')).toHaveTextContent('2 segments in 1 source'));

    await user.selectOptions(within(view).getByRole('combobox', { name: 'Code' }), 'Safety');
    await waitFor(() => expect(within(view).getByRole('status')).toHaveTextContent('3 segments in 2 sources'));
    expect(useUiStore.getState().selectedCodeId).toBe(p.safety.id);
    act(() => useUiStore.getState().selectCode(p.access.id));
    await waitFor(() => expect(within(view).getByRole('list', { name: 'Segments of Access' })).toBeInTheDocument());
  });

  it('opens a segment in the document on click and on Enter', async () => {
    const user = userEvent.setup();
    act(() => showCodedSegments(p.access.id));
    const { unmount } = render(<CodedSegmentsView projectId={p.projectId} />);
    const list = await screen.findByRole('list', { name: 'Segments of Access' });
    await waitFor(() => expect(rowTexts(list)[1]).toBe('The bus was late again'));
    await user.click(within(list).getAllByRole('listitem')[1]!);
    const span = spanOf(DIARY, 'The bus was late again');
    expect(useUiStore.getState()).toMatchObject({
      centreView: 'document',
      activeSourceId: p.diaryId,
      reveal: { sourceId: p.diaryId, ...span, exact: 'The bus was late again' },
    });
    const opened = (await codingsOfProject(p.projectId)).find((c) => c.exact === 'The bus was late again')!;
    expect(useAnalysisStore.getState().places.segments?.rowKey).toBe(opened.id);

    act(() => useUiStore.getState().showCentreView('segments'));
    within(list).getAllByRole('listitem')[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(useUiStore.getState().reveal).toMatchObject({ sourceId: p.diaryId, exact: 'Walked home in the dark.' });

    // Coming back to the view later: the segment opened last is marked.
    unmount();
    render(<CodedSegmentsView projectId={p.projectId} />);
    const again = await screen.findByRole('list', { name: 'Segments of Access' });
    await waitFor(() => expect(within(again).getAllByRole('listitem')[2]).toHaveAttribute('aria-current', 'true'));
  });

  it('renders a screenful of a code with 25,000 segments and counts them all', async () => {
    const text = 'word '.repeat(25_000);
    const sourceId = await importDocument(p.projectId, { name: 'long.txt', text, encoding: 'UTF-8', byteSize: text.length, format: 'text' });
    const codings: Coding[] = Array.from({ length: 25_000 }, (_, i) => ({
      id: `big-${i}`,
      projectId: p.projectId,
      sourceId,
      codeId: p.safety.id,
      start: i * 5,
      end: i * 5 + 4,
      exact: 'word',
      prefix: '',
      suffix: '',
      coder: 'bulk',
      createdAt: '',
    }));
    await addCodings(codings);
    act(() => showCodedSegments(p.safety.id));
    render(<CodedSegmentsView projectId={p.projectId} />);
    const view = screen.getByRole('region', { name: 'Coded segments' });
    await waitFor(() => expect(within(view).getByRole('status')).toHaveTextContent('25,003 segments in 3 sources'), { timeout: 15_000 });
    const list = within(view).getByRole('list', { name: 'Segments of Safety' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveAttribute('aria-setsize', '25003');
    await waitFor(() => expect(rowTexts(list).at(-1)).toBe('word'));
  });
});
