import { it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './support/browser';
it('scratch', async () => {
  const browser = await launchBrowser();
  const app = await openApp(browser);
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await app.page.getByRole('menubar').waitFor();
  await app.page.waitForTimeout(1500);
  console.log(await screenshot(app.page, 'scratch-1280'));
  await app.page.getByRole('treeitem').first().click();
  await app.page.getByRole('separator', { name: 'Resize the Codebook' }).focus();
  for (let i = 0; i < 3; i++) await app.page.keyboard.press('ArrowLeft');
  await app.page.getByRole('separator', { name: 'Resize Sources and Memos' }).focus();
  await app.page.keyboard.press('Enter');
  await app.page.waitForTimeout(300);
  console.log(await screenshot(app.page, 'scratch-1280-b'));
  await app.close(); await browser.close();
}, 120000);
