// The Cases region in jsdom: a landmark named "Cases" whose rows are named by the case, the
// actions that create and merge cases, the selected case's values and segments, and the filter
// that narrows the Sources list.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { createAttribute, createCase, linkCaseToSource, setAttributeValue } from '../../../renderer/src/db/operations/cases';
import { CasesPanel } from '../../../renderer/src/features/cases/CasesPanel';
import { useCasesStore } from '../../../renderer/src/stores/casesStore';

const freshDb = useFreshDatabase();
let projectId: string;
beforeEach(async () => {
  freshDb();
  useCasesStore.setState({ sourceFilter: null });
  projectId = (await createProject('Panel')).id;
});

describe('CasesPanel', () => {
  it('is one tab stop for the whole list: arrows move between rows and between the checkbox and the name', async () => {
    const user = userEvent.setup();
    for (const name of ['p1', 'p2', 'p3', 'p4']) await createCase(projectId, name);
    render(<CasesPanel projectId={projectId} />);
    const table = await screen.findByRole('table', { name: 'Cases in this project' });
    await within(table).findByRole('row', { name: 'p4' });
    const stops = () => [...table.querySelectorAll<HTMLElement>('input, button')].filter((el) => el.tabIndex === 0).map((el) => el.getAttribute('aria-label') ?? el.textContent);
    expect(stops()).toEqual(['p1']);

    within(table).getByRole('button', { name: 'p1' }).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(within(table).getByRole('button', { name: 'p2' })).toHaveFocus());
    await user.keyboard('{ArrowLeft}');
    expect(within(table).getByRole('checkbox', { name: 'Select p2' })).toHaveFocus();
    expect(stops()).toEqual(['Select p2']);
    await user.keyboard('{ArrowRight}');
    expect(within(table).getByRole('button', { name: 'p2' })).toHaveFocus();
    expect(stops()).toEqual(['p2']);
  });

  it('lists cases as rows named by the case, shows values and segments, and merges ticked cases', async () => {
    const user = userEvent.setup();
    const ana = await createCase(projectId, 'Ana');
    await createCase(projectId, 'Ana R.');
    const region = await createAttribute({ projectId, name: 'region', type: 'category', categories: ['North', 'South'] });
    await setAttributeValue(ana.id, region.id, 'North');
    const sourceId = await importDocument(projectId, { name: 'interview.txt', text: 'Hello there.', encoding: 'UTF-8', byteSize: 12, format: 'text' });
    await linkCaseToSource(ana.id, sourceId);

    render(<CasesPanel projectId={projectId} />);
    const panel = screen.getByRole('region', { name: 'Cases' });
    const table = await within(panel).findByRole('table', { name: 'Cases in this project' });
    expect(within(table).getAllByRole('row').map((r) => r.getAttribute('aria-label'))).toEqual(['Ana', 'Ana R.']);
    expect(within(panel).getByRole('row', { name: 'Ana' })).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Ana' }));
    const detail = within(panel).getByRole('group', { name: 'Case Ana' });
    expect(detail).toHaveTextContent('regionNorth');
    expect(within(detail).getByRole('list', { name: 'Segments of Ana' })).toHaveTextContent('interview.txt whole source');

    await user.click(within(panel).getByRole('checkbox', { name: 'Select Ana' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Select Ana R.' }));
    await user.click(within(panel).getByRole('button', { name: 'Merge cases' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge cases' });
    await user.click(within(dialog).getByRole('radio', { name: 'Ana R.' }));
    await user.click(within(dialog).getByRole('button', { name: 'Merge cases' }));
    await waitFor(() => expect(within(panel).getAllByRole('row').map((r) => r.getAttribute('aria-label'))).toEqual(['Ana R.']));
  });

  it('creates a case from "New case" and sets the source filter from an attribute value', async () => {
    const user = userEvent.setup();
    const a = await createCase(projectId, 'p1');
    const region = await createAttribute({ projectId, name: 'region', type: 'category', categories: ['North', 'South'] });
    await setAttributeValue(a.id, region.id, 'South');
    render(<CasesPanel projectId={projectId} />);
    const panel = screen.getByRole('region', { name: 'Cases' });
    await user.click(within(panel).getByRole('button', { name: 'New case' }));
    await user.type(screen.getByLabelText('Case name'), 'Harbour master');
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    await within(panel).findByRole('row', { name: 'Harbour master' });

    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Filter sources by attribute' }), 'Sources where region is…');
    const value = within(panel).getByRole('combobox', { name: 'Attribute value' });
    expect(within(value).getAllByRole('option').map((o) => o.textContent)).toEqual(['South (1)', 'No value (1)']);
    expect(useCasesStore.getState().sourceFilter).toEqual({ projectId, attributeId: region.id, valueKey: '"South"' });
  });
});
