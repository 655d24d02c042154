import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createExternalLinkGate, GESTURE_WINDOW_MS } from '../../../electron/main/externalLinks';

/** A page whose input events the test sends, on a clock the test moves. */
function setup() {
  let time = 10_000;
  const listeners: ((event: unknown, input: { type: string }) => void)[] = [];
  const contents = { on: (name: string, listener: (typeof listeners)[number]) => name === 'input-event' && listeners.push(listener) };
  const openExternal = vi.fn(async (_url: string) => undefined);
  const gate = createExternalLinkGate({ openExternal, now: () => time });
  gate.track(contents as unknown as WebContents);
  return {
    gate,
    contents,
    openExternal,
    input: (type: string) => listeners.forEach((listener) => listener({}, { type })),
    wait: (ms: number) => {
      time += ms;
    },
  };
}

describe('the external link gate', () => {
  it('opens an https link the user has just clicked, once per click', () => {
    const { gate, contents, openExternal, input } = setup();
    input('mouseDown');
    input('mouseUp');
    expect(gate.open(contents, 'https://example.org/paper')).toEqual({ opened: true });
    expect(gate.open(contents, 'https://example.org/second')).toMatchObject({ opened: false });
    expect(openExternal.mock.calls).toEqual([['https://example.org/paper']]);
  });

  it('opens a link the user reached with the keyboard', () => {
    const { gate, contents, openExternal, input } = setup();
    input('rawKeyDown');
    expect(gate.open(contents, 'https://example.org/')).toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('refuses a request from page script with no user input before it', () => {
    const { gate, contents, openExternal, input } = setup();
    input('mouseMove');
    input('mouseWheel');
    expect(gate.open(contents, 'https://example.org/')).toEqual({ opened: false, reason: 'Links open only when you click them.' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses once the click is too old', () => {
    const { gate, contents, openExternal, input, wait } = setup();
    input('mouseUp');
    wait(GESTURE_WINDOW_MS + 1);
    expect(gate.open(contents, 'https://example.org/')).toMatchObject({ opened: false });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('does not count a click in one page for another', () => {
    const { gate, openExternal, input } = setup();
    input('mouseUp');
    expect(gate.open({}, 'https://example.org/')).toMatchObject({ opened: false });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses everything but https, even right after a click', () => {
    const { gate, contents, openExternal, input } = setup();
    for (const url of ['http://example.org/', 'mailto:ada@example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'app://marginalia/', 'https://user:pw@example.org/']) {
      input('mouseUp');
      expect(gate.open(contents, url), url).toEqual({ opened: false, reason: 'Only https links open in the browser.' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
