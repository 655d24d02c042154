// The centre column's tabs: "Document", "Coded segments", "Co-occurrence", "Agreement" as an ARIA tablist; the
// document stays mounted (hidden) behind the analysis views, and opening a source shows it again.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useFreshDatabase } from '../support/freshDatabase';
import { seedAnalysisProject, type AnalysisProject } from '../analysis/analysisProject';
import { CentreColumn } from '../../../renderer/src/app/CentreColumn';
import { useUiStore } from '../../../renderer/src/stores/uiStore';

useFreshDatabase();
/** An analysis view's region, once its code has loaded (the first import of a view can be slow here). */
const shownRegion = (name: string): Promise<HTMLElement> => screen.findByRole('region', { name }, { timeout: 20_000 });
let p: AnalysisProject;
beforeEach(async () => {
  p = await seedAnalysisProject();
  act(() => useUiStore.getState().openProject(p.projectId));
});

describe('CentreColumn', () => {
  it('switches views with the tabs and the arrow keys, keeping the document mounted', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    render(<CentreColumn projectId={p.projectId} />);
    const tabs = screen.getByRole('tablist', { name: 'Views' });
    expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Document', 'Coded segments', 'Co-occurrence', 'Crosstab', 'Frequencies', 'Search', 'Queries', 'Agreement']);
    expect(screen.getByRole('tab', { name: 'Document' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Document' })).toBeVisible();

    await user.click(screen.getByRole('tab', { name: 'Co-occurrence' }));
    // The analysis views load when first shown.
    expect(screen.getByRole('tabpanel', { name: 'Co-occurrence' })).toContainElement(await shownRegion('Co-occurrence'));
    const documentPanel = document.getElementById('view-panel-document')!;
    expect(documentPanel).not.toBeVisible();

    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Coded segments' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Coded segments' })).toHaveFocus();
    expect(await shownRegion('Coded segments')).toBeInTheDocument();

    // Home and End reach the ends of the eight tabs; the last one is Agreement.
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Agreement' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Agreement' })).toContainElement(await shownRegion('Agreement'));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Queries' })).toHaveAttribute('aria-selected', 'true');
    expect(await shownRegion('Queries')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(await shownRegion('Search')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(await shownRegion('Frequencies')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(await shownRegion('Crosstab')).toBeInTheDocument();

    act(() => useUiStore.getState().openSource(p.diaryId));
    expect(screen.getByRole('tab', { name: 'Document' })).toHaveAttribute('aria-selected', 'true');
    expect(document.getElementById('view-panel-document')).toBe(documentPanel);
    expect(documentPanel).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Coded segments' })).toBeNull();
  });
});
