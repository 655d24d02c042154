// When a change has reached the screen. A rendering update runs after requestAnimationFrame
// callbacks; a message posted from inside the callback is delivered only after that update (style,
// layout, paint), so its arrival is the earliest moment the frame showing the change exists.

export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Waits until `condition` holds (checked now, then once per frame, so no frame is missed and the
 * check itself costs one call per frame), then until the frame showing it is painted. Returns
 * the time of that paint.
 */
export function paintedWhen(condition: () => boolean, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) {
        void afterNextPaint().then(resolve);
        return;
      }
      if (performance.now() - started > timeoutMs) {
        reject(new Error(`not painted within ${timeoutMs} ms`));
        return;
      }
      requestAnimationFrame(check);
    };
    check();
  });
}
