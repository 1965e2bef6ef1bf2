/**
 * Nothing moves under the pointer. Pressing on the next field or button blurs the current one,
 * and a message shown on that blur pushes what is below it down before the button is released,
 * so the click lands elsewhere or nowhere. While a pointer is pressed anywhere on the page,
 * whatever would change the layout waits until the press is over and its click has been
 * delivered.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PointerSettleController implements ReactiveController {
  private pressed = false;
  private waiting: Array<() => void> = [];

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.onDown, true);
    window.addEventListener('pointerup', this.onUp, true);
    window.addEventListener('pointercancel', this.onUp, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.onDown, true);
    window.removeEventListener('pointerup', this.onUp, true);
    window.removeEventListener('pointercancel', this.onUp, true);
    this.pressed = false;
    this.flush();
  }

  /** Runs `change` now, or once the pointer pressed on the page is released and its click delivered. */
  whenSettled(change: () => void): void {
    if (this.pressed) this.waiting.push(change);
    else change();
  }

  private stuck?: ReturnType<typeof setTimeout>;

  private readonly onDown = () => {
    this.pressed = true;
    // A release outside the window may never be reported: nothing waits longer than this.
    clearTimeout(this.stuck);
    this.stuck = setTimeout(this.onUp, 3000);
  };

  private readonly onUp = () => {
    // pointerup, mouseup and click are dispatched in one task: a timer runs after the click.
    clearTimeout(this.stuck);
    setTimeout(() => {
      this.pressed = false;
      this.flush();
    });
  };

  private flush() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const change of waiting) change();
  }
}

/**
 * Keeps `element` where it was on screen (its top at `top`, in viewport pixels) while what is
 * above it grows or shrinks: each frame for `ms`, the page scrolls by what it moved. The new
 * content renders over a few updates (nested elements render in their own), so one correction
 * is not enough. The citizen scrolling or typing ends it at once.
 */
export function keepUnderPointer(element: Element, top: number, ms = 600): void {
  const view = element.ownerDocument.defaultView ?? window;
  const until = performance.now() + ms;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const type of ['wheel', 'touchmove', 'keydown'] as const) view.removeEventListener(type, stop, true);
  };
  for (const type of ['wheel', 'touchmove', 'keydown'] as const) view.addEventListener(type, stop, { capture: true, passive: true });
  const correct = () => {
    if (stopped || !element.isConnected) return stop();
    const moved = element.getBoundingClientRect().top - top;
    if (Math.abs(moved) >= 1) view.scrollBy({ top: moved, behavior: 'instant' });
    if (performance.now() < until) view.requestAnimationFrame(correct);
    else stop();
  };
  correct();
}
