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
let p: AnalysisProject;
beforeEach(async () => {
  p = await seedAnalysisProject();
  act(() => useUiStore.getState().openProject(p.projectId));
});

describe('CentreColumn', () => {
  it('switches views with the tabs and the arrow keys, keeping the document mounted', async () => {
    const user = userEvent.setup();
    render(<CentreColumn projectId={p.projectId} />);
    const tabs = screen.getByRole('tablist', { name: 'Views' });
    expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Document', 'Coded segments', 'Co-occurrence', 'Crosstab', 'Frequencies', 'Search', 'Queries', 'Agreement']);
    expect(screen.getByRole('tab', { name: 'Document' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Document' })).toBeVisible();

    await user.click(screen.getByRole('tab', { name: 'Co-occurrence' }));
    expect(screen.getByRole('tabpanel', { name: 'Co-occurrence' })).toContainElement(screen.getByRole('region', { name: 'Co-occurrence' }));
    const documentPanel = document.getElementById('view-panel-document')!;
    expect(documentPanel).not.toBeVisible();

    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Coded segments' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Coded segments' })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Coded segments' })).toBeInTheDocument();

    // Home and End reach the ends of the eight tabs; the last one is Agreement.
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Agreement' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Agreement' })).toContainElement(screen.getByRole('region', { name: 'Agreement' }));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Queries' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('region', { name: 'Queries' })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('region', { name: 'Search' })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('region', { name: 'Frequencies' })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('region', { name: 'Crosstab' })).toBeInTheDocument();

    act(() => useUiStore.getState().openSource(p.diaryId));
    expect(screen.getByRole('tab', { name: 'Document' })).toHaveAttribute('aria-selected', 'true');
    expect(document.getElementById('view-panel-document')).toBe(documentPanel);
    expect(documentPanel).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Coded segments' })).toBeNull();
  });
});
