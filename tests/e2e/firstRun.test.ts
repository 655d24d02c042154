// A fresh profile as a new user has it: the "Who is coding?" question and the first-run tour are
// up, neither blocks the app, and while a modal dialog is open it is the only dialog on the page
// (the two step out of sight and come back when it closes).
import { describe, expect, it } from 'vitest';
import { appForSuite, screenshot } from './support/browser';
import { runCommand } from './support/commands';
import { POLL } from './support/poll';

describe('first run', () => {
  const suite = appForSuite({ tour: true, coder: null });

  it('opens New code as the only dialog while the question and the tour wait behind it', async () => {
    const page = suite.page;
    const dialogNames = () => page.getByRole('dialog').evaluateAll((all) => all.map((d) => d.getAttribute('aria-label') ?? document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent));
    await page.getByRole('dialog', { name: 'Who is coding?' }).waitFor();
    await page.getByRole('dialog', { name: 'Welcome to Marginalia' }).waitFor();
    expect((await dialogNames()).sort()).toEqual(['Welcome to Marginalia', 'Who is coding?']);

    await runCommand(page, 'New code');
    await expect.poll(dialogNames, POLL).toEqual(['New code']);
    await screenshot(page, 'first-run-new-code');
    // As a script that does not name the dialog finds it.
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Trust');
    await dialog.getByRole('button', { name: 'Create code' }).click();
    await page.getByRole('treeitem', { name: 'Trust', exact: true }).waitFor();
    await expect.poll(async () => (await dialogNames()).sort(), POLL).toEqual(['Welcome to Marginalia', 'Who is coding?']);
  });
});
