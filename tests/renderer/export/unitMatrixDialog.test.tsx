// The "Export unit × code matrix (CSV)" dialog as a user (or a screen reader) finds it: each unit
// is a radio named by the unit alone, its explanation a description, so "Case" and "Source" are
// each one choice.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UnitMatrixDialog } from '../../../renderer/src/features/export/UnitMatrixDialog';

describe('UnitMatrixDialog', () => {
  it('names each unit by itself and describes it apart', async () => {
    render(<UnitMatrixDialog projectId="p1" onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Export unit × code matrix (CSV)' });
    expect(dialog).toBeInTheDocument();
    const units = screen.getAllByRole('radio').slice(0, 4);
    expect(units.map((r) => r.getAttribute('value'))).toEqual(['case', 'segment', 'paragraph', 'source']);
    for (const [name, description] of [
      ['Case', /one row per case, with its type and attributes/],
      ['Split segment', /one row per case segment/],
      ['Paragraph', /one row per non-blank paragraph/],
      ['Source', /^\(one row per source\)$/],
    ] as const) {
      const radio = screen.getByRole('radio', { name });
      expect(radio).toHaveAccessibleDescription(description);
    }
    expect(screen.getByRole('radio', { name: 'Case' })).toBeChecked();
    await userEvent.setup().click(screen.getByText('Source'));
    expect(screen.getByRole('radio', { name: 'Source' })).toBeChecked();
  });
});
