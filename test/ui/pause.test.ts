/** Pause: what waits for a pause in typing runs once, a full pause after the last keystroke. */
import { expect } from '@open-wc/testing';
import { Pause } from '../../src/ui/pause.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Pause', () => {
  it('fires once, a full pause after the last poke, however many came before', async () => {
    const fired: number[] = [];
    const pause = new Pause(() => fired.push(performance.now()));
    let last = 0;
    for (let i = 0; i < 5; i++) {
      pause.poke(100);
      last = performance.now();
      await wait(40);
    }
    await wait(250);
    expect(fired).to.have.length(1);
    expect(fired[0]! - last, 'a full pause after the last poke').to.be.at.least(99);
  });

  it('does not fire once cancelled, and waits again after a new poke', async () => {
    let fired = 0;
    const pause = new Pause(() => fired++);
    pause.poke(50);
    pause.cancel();
    await wait(120);
    expect(fired, 'cancelled').to.equal(0);
    pause.poke(50);
    await wait(120);
    expect(fired).to.equal(1);
  });
});
