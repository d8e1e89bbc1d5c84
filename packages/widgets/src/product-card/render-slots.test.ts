import { expect } from '@open-wc/testing';
import { renderSlot } from './render-slots.js';

/** Keeps the main thread busy, as rendering a card does. */
function work(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

describe('render slots (cards rendering a few per frame)', () => {
  it('spreads renders over animation frames, in the order asked, at least one per frame', async () => {
    const order: number[] = [];
    const frames = new Map<number, number[]>();
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const done = await renderSlot();
        const frame = Number(document.timeline.currentTime);
        frames.set(frame, [...(frames.get(frame) ?? []), i]);
        order.push(i);
        work(3);
        done();
      }),
    );
    expect(order).to.deep.equal([...Array(12).keys()]);
    // 3 ms each against a 5 ms budget: two per frame, so no frame holds all twelve.
    expect(frames.size).to.be.greaterThanOrEqual(5);
    for (const renders of frames.values()) expect(renders.length).to.be.within(1, 3);
  });

  it('lets a render that takes long hold its frame alone, and the next one go on', async () => {
    const frames: number[] = [];
    await Promise.all(
      [20, 1].map(async (ms) => {
        const done = await renderSlot();
        frames.push(Number(document.timeline.currentTime));
        work(ms);
        done();
      }),
    );
    expect(frames).to.have.length(2);
    expect(frames[1]).to.be.greaterThan(frames[0]!);
  });
});
