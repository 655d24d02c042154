// When a change has reached the screen. A frame's rendering update (style, layout, paint) runs
// right after its requestAnimationFrame callbacks, and a message posted from inside a callback is
// delivered only after that update: its arrival is the earliest moment the frame showing the
// change exists.

function afterThisFrame(resolve: (time: number) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}

/** The time the next frame has been produced (for a change made synchronously just before). */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(resolve)));
}

/**
 * Waits until `condition` holds and the frame showing it is painted; returns the time of that
 * paint. The condition is checked now, then at the start of every frame (one cheap call per frame,
 * so no frame is missed): a change found there is painted by that very frame, not the next one.
 */
export function paintedWhen(condition: () => boolean, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    if (condition()) {
      void afterNextPaint().then(resolve);
      return;
    }
    const inFrame = (): void => {
      if (condition()) afterThisFrame(resolve);
      else if (performance.now() - started > timeoutMs) reject(new Error(`not painted within ${timeoutMs} ms`));
      else requestAnimationFrame(inFrame);
    };
    requestAnimationFrame(inFrame);
  });
}
