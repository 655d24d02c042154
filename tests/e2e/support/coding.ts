// Steps a researcher takes in the UI, shared by the end-to-end tests: they find everything by
// role and accessible name, as a screen reader user would.
import type { Page } from 'playwright-core';
import { runCommand } from './commands';

/**
 * Selects the first occurrence of `phrase` in the open document, as a drag would, and waits for
 * the code menu (unless `waitForMenu` is false: active code mode codes the selection instead).
 */
export async function selectPhrase(page: Page, phrase: string, waitForMenu = true): Promise<void> {
  await waitForPhrase(page, phrase);
  const found = await page.evaluate((needle) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-para-start]')) {
      const node = element.firstChild;
      const at = node?.textContent?.indexOf(needle) ?? -1;
      if (!node || at < 0) continue;
      element.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, phrase);
  if (!found) throw new Error(`"${phrase}" is not in the rendered document`);
  if (waitForMenu) await page.getByRole('listbox', { name: 'Apply code' }).waitFor();
}

/**
 * Drags the mouse across `phrase` in the open document, from its first letter to its last: left
 * to right, or right to left in a right-to-left paragraph (where the first letter is rightmost).
 */
export async function dragAcross(page: Page, phrase: string): Promise<void> {
  await waitForPhrase(page, phrase);
  const points = await page.evaluate((needle) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-para-start]')) {
      const node = element.firstChild;
      const at = node?.textContent?.indexOf(needle) ?? -1;
      if (!node || at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + needle.length - 1);
      range.setEnd(node, at + needle.length);
      const last = range.getBoundingClientRect();
      const rtl = getComputedStyle(element).direction === 'rtl';
      return {
        x1: rtl ? first.right - 1 : first.left + 1,
        y1: first.top + first.height / 2,
        x2: rtl ? last.left + 1 : last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, phrase);
  if (!points) throw new Error(`"${phrase}" is not in the rendered document`);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

/** Clicks into the middle of `phrase` in the open document (on coded text, "Codings here" opens). */
export async function clickInto(page: Page, phrase: string): Promise<void> {
  await waitForPhrase(page, phrase);
  const point = await page.evaluate((needle) => {
    const element = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => p.textContent?.includes(needle))!;
    const node = element.firstChild!;
    const at = node.textContent!.indexOf(needle) + Math.floor(needle.length / 2);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, phrase);
  await page.mouse.click(point.x, point.y);
}

/** Creates a code through the "New code" dialog, optionally under a parent. */
export async function createCode(page: Page, name: string, parent?: string): Promise<void> {
  if (parent) {
    await page.getByRole('treeitem', { name: parent, exact: true }).click();
    await page.getByRole('button', { name: 'New child code' }).click();
  } else {
    await page.getByRole('button', { name: 'New code', exact: true }).click();
  }
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create code' }).click();
  await page.getByRole('treeitem', { name, exact: true }).waitFor();
}

/** Number of ranges painted per code highlight (CSS Custom Highlight API registry). */
export async function paintedRanges(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('mg-code-')) out[name] = highlight.size;
    });
    return out;
  });
}

/** The text painted by every code highlight, as strings, sorted. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('mg-code-')) return;
      // The painter registers StaticRanges, which do not stringify: read them through a Range.
      highlight.forEach((painted) => {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        out.push(String(range));
        range.detach();
      });
    });
    return out.sort();
  });
}

/** Waits until a paragraph holding `phrase` is rendered (text loads asynchronously). */
export async function waitForPhrase(page: Page, phrase: string): Promise<void> {
  await page.waitForFunction(
    (needle) => [...document.querySelectorAll('[data-para-start]')].some((p) => p.textContent?.includes(needle)),
    phrase,
    { timeout: 10_000 },
  );
}

/**
 * Presses Ctrl+Home in the focused text and waits until the caret is at the very start: the text
 * is virtualised, so the caret is placed in a later frame, and a selection made before then would
 * be replaced by it.
 */
export async function caretToStart(page: Page): Promise<void> {
  await page.keyboard.press('Control+Home');
  await page.waitForFunction(
    () => {
      const selection = window.getSelection();
      const paragraph = selection?.anchorNode?.parentElement?.closest<HTMLElement>('[data-para-start]');
      return !!selection?.isCollapsed && selection.anchorOffset === 0 && paragraph?.dataset.paraIndex === '0';
    },
    undefined,
    { timeout: 10_000 },
  );
}

/** Starts a new, empty project and waits until it is the open one. */
export async function newProject(page: Page, name: string): Promise<void> {
  await runCommand(page, 'New project');
  await page.getByRole('dialog').getByLabel('Project name').fill(name);
  await page.keyboard.press('Enter');
  await page
    .getByRole('combobox', { name: 'Project' })
    .locator('option:checked', { hasText: name })
    .waitFor({ state: 'attached' });
  await page.getByRole('region', { name: 'Codebook' }).getByText('No codes yet').waitFor();
}
