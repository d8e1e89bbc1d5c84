/** Milliseconds of card rendering a frame may hold (its style and layout come on top). */
const BUDGET_MS = 5;

const waiting: (() => void)[] = [];
let frameStart = 0;
let scheduled = false;
let running = false;

function next() {
  const resolve = waiting.shift();
  running = resolve !== undefined;
  resolve?.();
}

function frame() {
  scheduled = false;
  frameStart = performance.now();
  next();
}

function schedule() {
  if (scheduled || running) return;
  scheduled = true;
  // A hidden tab gets no animation frames: a timer lets its cards render all the same.
  if (document.visibilityState === 'hidden') setTimeout(frame, 0);
  else requestAnimationFrame(frame);
}

/**
 * Waits for a turn to render, in an animation frame with time left; call the returned `done`
 * once rendered. Fifty cards whose products arrive in one batch would otherwise all render
 * before the next frame, which would then style and lay out all of them in one long task.
 * Cards render one after another within a frame until BUDGET_MS has passed (at least one per
 * frame), then the rest wait for the next frame, in the order they asked (document order:
 * the first screen first).
 */
export function renderSlot(): Promise<() => void> {
  return new Promise((resolve) => {
    waiting.push(() => {
      let finished = false;
      resolve(() => {
        if (finished) return;
        finished = true;
        if (performance.now() - frameStart < BUDGET_MS) next();
        else {
          running = false;
          if (waiting.length) schedule();
        }
      });
    });
    schedule();
  });
}
