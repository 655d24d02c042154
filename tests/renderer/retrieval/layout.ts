// jsdom lays nothing out: give the segments list a 600-pixel viewport and its rows 90 pixels each,
// so the virtualiser renders a screenful as it does in a browser.
import { afterAll, beforeAll } from 'vitest';

export function useListLayout(): void {
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  const rect = Element.prototype.getBoundingClientRect;
  beforeAll(() => {
    Object.defineProperty(Element.prototype, 'clientHeight', {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('segment-scroll') ? 600 : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listitem' ? 90 : 0;
      },
    });
    Object.defineProperty(Element.prototype, 'clientWidth', {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('segment-scroll') ? 800 : 0;
      },
    });
    Element.prototype.getBoundingClientRect = function getBoundingClientRect(this: Element) {
      const height = this.getAttribute('role') === 'listitem' ? 90 : this.classList.contains('segment-scroll') ? 600 : 0;
      return { x: 0, y: 0, top: 0, left: 0, width: 800, height, right: 800, bottom: height, toJSON: () => ({}) } as DOMRect;
    };
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
    if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
    if (clientWidth) Object.defineProperty(Element.prototype, 'clientWidth', clientWidth);
    Element.prototype.getBoundingClientRect = rect;
  });
}
