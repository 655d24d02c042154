// Focus after a dialog: it goes back to the control that opened the dialog, so a keyboard user
// continues where they were; a control the app focused on purpose meanwhile keeps it.
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Modal } from '../../../renderer/src/features/common/Modal';

function Page({ focusElsewhere }: { focusElsewhere: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open the dialog
      </button>
      <input aria-label="Elsewhere" />
      {open && (
        <Modal title="A dialog" onClose={() => setOpen(false)}>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              if (focusElsewhere) screen.getByRole('textbox', { name: 'Elsewhere' }).focus();
            }}
          >
            Done
          </button>
        </Modal>
      )}
    </>
  );
}

describe('Modal focus', () => {
  it('gives focus back to the control that opened it', async () => {
    const user = userEvent.setup();
    render(<Page focusElsewhere={false} />);
    await user.click(screen.getByRole('button', { name: 'Open the dialog' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Open the dialog' })).toHaveFocus(), { timeout: 2000 });
  });

  it('leaves focus where the app put it after closing', async () => {
    const user = userEvent.setup();
    render(<Page focusElsewhere />);
    await user.click(screen.getByRole('button', { name: 'Open the dialog' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });
});
