// How long an end-to-end assertion waits for the UI to show what it expects. Every `expect.poll`
// passes it explicitly: vitest's default (1 s) fails on a busy machine for no fault of the app,
// and a wait stated in one place can be reasoned about (and changed) once.
export const POLL = { timeout: 10_000 };
