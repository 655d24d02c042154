// Which coder dialog is open: "Switch coder" is opened from the status bar and from the command.
import { create } from 'zustand';

interface CoderDialogState {
  switchOpen: boolean;
}

export const useCoderDialogs = create<CoderDialogState>(() => ({ switchOpen: false }));

export function openSwitchCoder(): void {
  useCoderDialogs.setState({ switchOpen: true });
}

export function closeSwitchCoder(): void {
  useCoderDialogs.setState({ switchOpen: false });
}
