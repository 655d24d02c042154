// The import dialog in jsdom, with the shared parsers run in-thread: each file gets a result,
// a text file shows its detected encoding and a preview that follows a change of encoding (a
// wrong choice can be taken back), a survey shows its column mapping, and "Import" stores the
// good files and reports the rest by name.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PickedFile } from '../../../shared/ipc/contract';
import { runWorkerRequest } from '../../../renderer/src/features/import/parsers/runWorkerRequest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { ImportDialog } from '../../../renderer/src/features/import/ImportDialog';
import { useImportSession, type ImportFileResult } from '../../../renderer/src/features/import/useImportSession';
import type { ImportParseDeps } from '../../../renderer/src/features/import/parsers/parseImportFile';
import { refuseBeforeReading } from '../../../renderer/src/features/import/importEntry';
import { useFreshDatabase } from '../support/freshDatabase';

const fixtures = resolve(__dirname, '../../fixtures/import');
const deps: ImportParseDeps = { runShared: runWorkerRequest };

function picked(name: string, bytes: Uint8Array = new Uint8Array(readFileSync(resolve(fixtures, name)))): PickedFile {
  return { name, byteSize: bytes.byteLength, bytes };
}

function Harness({ projectId, files, onDone }: { projectId: string; files: PickedFile[]; onDone(results: ImportFileResult[]): void }) {
  const session = useImportSession(deps);
  const { addFiles } = session;
  useEffect(() => addFiles(files), [addFiles, files]);
  if (session.entries.length === 0) return null;
  return <ImportDialog projectId={projectId} session={session} onDone={onDone} onCancel={session.clear} />;
}

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Dialog')).id;
});

describe('refuseBeforeReading', () => {
  it('names the format limit for a 2 GB file, before the host’s own refusal', () => {
    expect(refuseBeforeReading({ name: 'huge.txt', byteSize: 2 * 1024 ** 3, error: 'The file is larger than the 50 MB limit.' })).toBe(
      'This file is 2 GB; a text file can be at most 50 MB.',
    );
    expect(refuseBeforeReading({ name: 'slides.pptx', byteSize: 10, bytes: new Uint8Array(10) })).toMatch(/^\.pptx files cannot be imported/);
    expect(refuseBeforeReading({ name: 'gone.txt', byteSize: 10, error: 'The file could not be read (permission denied).' })).toBe('The file could not be read (permission denied).');
    expect(refuseBeforeReading(picked('ferry-interview.md'))).toBeNull();
  });
});

describe('ImportDialog', () => {
  it('reads every file, previews the detected encoding, follows a change of encoding, and imports the good files', async () => {
    const user = userEvent.setup();
    let results: ImportFileResult[] = [];
    const files = [picked('market-notes-windows-1252.txt'), picked('ferry-survey.csv'), picked('empty.txt', new Uint8Array()), picked('ragged-survey.csv')];
    render(<Harness projectId={projectId} files={files} onDone={(r) => (results = r)} />);
    const list = await screen.findByRole('table', { name: 'Files to import' });
    await waitFor(() => expect(within(list).getByRole('row', { name: 'market-notes-windows-1252.txt' })).toHaveTextContent('Ready'));
    await waitFor(() => expect(within(list).getByRole('row', { name: 'ferry-survey.csv' })).toHaveTextContent('Survey, 5 rows: ready'));
    expect(within(list).getByRole('row', { name: 'empty.txt' })).toHaveTextContent('This file is empty (0 bytes).');
    expect(within(list).getByRole('row', { name: 'ragged-survey.csv' })).toHaveTextContent(/Row 2 \(line 3 of the file\).*has 4 cells but the header has 3/);

    // The first file is selected: Windows-1252, detected, with its curly quotes and accent.
    const encoding = screen.getByRole('combobox', { name: 'Encoding' });
    expect(encoding).toHaveValue('windows-1252');
    expect(screen.getByText(/Detected: Windows-1252 \(a guess/)).toBeInTheDocument();
    expect(screen.getByLabelText('Preview')).toHaveTextContent('The “new rules” sign');
    expect(screen.getByLabelText('Preview')).toHaveTextContent('The café opens late.');

    // A wrong choice is refused with a reason, and the encoding can be changed back.
    await user.selectOptions(encoding, 'utf-8');
    await waitFor(() => expect(within(list).getByRole('row', { name: 'market-notes-windows-1252.txt' })).toHaveTextContent('not valid UTF-8'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), 'macintosh');
    await waitFor(() => expect(screen.getByLabelText('Preview')).toHaveTextContent('The café'.replace('é', 'È')));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), 'windows-1252');
    await waitFor(() => expect(screen.getByLabelText('Preview')).toHaveTextContent('The café opens late.'));
    expect(screen.getByRole('combobox', { name: 'Encoding' }).parentElement?.parentElement).toHaveTextContent('Read as Windows-1252, as you chose.');

    // The survey's mapping: a column can be left out, and the summary follows.
    await user.click(within(list).getByRole('button', { name: 'ferry-survey.csv' }));
    expect(screen.getByRole('combobox', { name: 'Use of respondent_id' })).toHaveValue('id');
    expect(screen.getByRole('combobox', { name: 'Type of member' })).toHaveValue('boolean');
    expect(screen.getByText(/5 respondents become cases with 3 attributes; the answers become 2 sources/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Use of q4_suggestions' }), 'ignore');
    expect(screen.getByText(/the answers become 1 source\./)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Use of q3_ferry_view' }), 'ignore');
    expect(screen.getByText('Choose at least one column of open-ended answers.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Use of q3_ferry_view' }), 'text');

    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(results).toHaveLength(4));
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['market-notes-windows-1252.txt', true],
      ['ferry-survey.csv', true],
      ['empty.txt', false],
      ['ragged-survey.csv', false],
    ]);
    const sources = await db.sources.toArray();
    expect(sources.map((s) => s.name).sort()).toEqual(['ferry-survey.csv – q3_ferry_view', 'market-notes-windows-1252.txt']);
    expect(sources.find((s) => s.name === 'market-notes-windows-1252.txt')).toMatchObject({ encoding: 'Windows-1252', format: 'text' });
    expect(await db.cases.count()).toBe(5);
  });

  it('lets a file be removed from the import before it is stored', async () => {
    const user = userEvent.setup();
    let results: ImportFileResult[] = [];
    render(<Harness projectId={projectId} files={[picked('ferry-interview.md'), picked('council-minutes.html')]} onDone={(r) => (results = r)} />);
    const list = await screen.findByRole('table', { name: 'Files to import' });
    await waitFor(() => expect(within(list).getByRole('row', { name: 'council-minutes.html' })).toHaveTextContent('Ready'));
    await user.click(screen.getByRole('button', { name: 'Remove ferry-interview.md from this import' }));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(results).toHaveLength(1));
    expect((await db.sources.toArray()).map((s) => [s.name, s.format])).toEqual([['council-minutes.html', 'html']]);
    expect((await db.sourceTexts.toArray())[0]?.text).not.toMatch(/SCRIPT|alert/);
  });
});
