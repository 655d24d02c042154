// The Co-occurrence view in jsdom with the inline client: counts in a codes × codes table with a
// "—" diagonal, the overlaps behind a cell, narrowing to a code set or a code with its subcodes,
// and the matrix saved as CSV.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useFreshDatabase } from '../support/freshDatabase';
import { useListLayout } from '../retrieval/layout';
import { seedAnalysisProject, type AnalysisProject } from './analysisProject';
import { CooccurrenceView } from '../../../renderer/src/features/analysis/CooccurrenceView';
import { useUiStore } from '../../../renderer/src/stores/uiStore';
import { useAnalysisStore } from '../../../renderer/src/stores/analysisStore';
import { createCodeSet } from '../../../renderer/src/db/operations/codeSets';
import { replaceHost } from '../../../renderer/src/host';
import { fakeHost } from '../support/fakeHost';
import type { SaveFileRequest } from '../../../shared/ipc/contract';

useFreshDatabase();
useListLayout();
let p: AnalysisProject;
const saved: SaveFileRequest[] = [];
beforeEach(async () => {
  p = await seedAnalysisProject();
  act(() => useUiStore.getState().openProject(p.projectId));
  saved.length = 0;
  replaceHost(
    fakeHost({
      saveFile: async (request) => {
        saved.push(request);
        return { saved: true, fileName: request.suggestedName };
      },
    }),
  );
});

const cellTexts = (table: HTMLElement): string[][] =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((c) => c.textContent ?? ''));

describe('CooccurrenceView', () => {
  it('shows every codable code against every other, and the overlaps behind a cell', async () => {
    const user = userEvent.setup();
    render(<CooccurrenceView projectId={p.projectId} />);
    const view = screen.getByRole('region', { name: 'Co-occurrence' });
    const table = await within(view).findByRole('table', { name: 'Co-occurrence matrix' }, { timeout: 10_000 });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Access', 'Night travel', 'Safety']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Access', 'Night travel', 'Safety']);
    // A header cut short by the column's width still says the whole name (its path) as a tooltip.
    for (const header of [...within(table).getAllByRole('columnheader'), ...within(table).getAllByRole('rowheader')]) {
      expect(header.getAttribute('title')).toMatch(new RegExp(`(^| > )${header.textContent}$`));
    }
    expect(cellTexts(table)).toEqual([
      ['—', '0', '1'],
      ['0', '—', '1'],
      ['1', '1', '—'],
    ]);

    await user.click(within(table).getByRole('button', { name: 'Safety and Night travel: 1 overlap' }));
    expect(useAnalysisStore.getState().openCell).toEqual({ firstCodeId: p.safety.id, secondCodeId: p.night.id });
    const pane = within(view).getByRole('region', { name: 'Overlaps of Safety and Night travel' });
    await waitFor(() => expect(within(pane).getByRole('status')).toHaveTextContent('1 overlap in 1 source'));
    const row = await within(pane).findByRole('listitem');
    await waitFor(() => expect(row.querySelector('.segment-text')?.textContent).toBe('Walked home in the dark.'));
    expect(row.querySelector('mark')?.textContent).toBe('home in the dark');
    await user.click(row);
    expect(useUiStore.getState()).toMatchObject({ centreView: 'document', reveal: { sourceId: p.diaryId, exact: 'home in the dark' } });
  });

  it('narrows to a code set or to a code with its subcodes, and hides codes without overlaps', async () => {
    const user = userEvent.setup();
    await createCodeSet(p.projectId, 'Round 2', [p.access.id, p.night.id]);
    render(<CooccurrenceView projectId={p.projectId} />);
    const view = screen.getByRole('region', { name: 'Co-occurrence' });
    const scope = within(view).getByRole('combobox', { name: 'Codes in the matrix' });
    await within(view).findByRole('table', { name: 'Co-occurrence matrix' });
    await waitFor(() => expect(within(scope).getByRole('option', { name: 'Round 2' })).toBeInTheDocument());
    await user.selectOptions(scope, 'Round 2');
    const headers = async (): Promise<string[]> =>
      within(await within(view).findByRole('table', { name: 'Co-occurrence matrix' }))
        .getAllByRole('columnheader')
        .map((h) => h.textContent ?? '');
    await waitFor(async () => expect(await headers()).toEqual(['Access', 'Night travel']));
    expect(cellTexts(within(view).getByRole('table'))).toEqual([
      ['—', '0'],
      ['0', '—'],
    ]);
    await user.selectOptions(scope, within(scope).getByRole('option', { name: /Access and its subcodes/ }));
    await waitFor(async () => expect(await headers()).toEqual(['Access', 'Night travel']));
    await user.click(within(view).getByRole('checkbox', { name: 'Hide codes without overlaps' }));
    await waitFor(() => expect(within(view).getByText(/None of these codes overlap yet/)).toBeInTheDocument());

    await user.selectOptions(scope, 'All codes');
    await waitFor(async () => expect(await headers()).toEqual(['Access', 'Night travel', 'Safety']));
  });

  it('saves the matrix as CSV with code paths and an empty diagonal', async () => {
    const user = userEvent.setup();
    render(<CooccurrenceView projectId={p.projectId} />);
    const view = screen.getByRole('region', { name: 'Co-occurrence' });
    await within(view).findByRole('table', { name: 'Co-occurrence matrix' });
    await user.click(within(view).getByRole('button', { name: 'Export matrix (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.suggestedName).toBe('Analysis - code co-occurrence.csv');
    expect(saved[0]!.content).toBe('\uFEFFcode,Access,Access > Night travel,Safety\r\nAccess,,0,1\r\nAccess > Night travel,0,,1\r\nSafety,1,1,\r\n');
  });
});
