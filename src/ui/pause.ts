/**
 * Calls `fire` once `ms` have passed since the last {@link Pause.poke}: at a pause in typing.
 * One timer per pause, not one per keystroke: a keystroke only moves the time it is due, and a
 * timer that fires early waits out the rest (cancelling and setting a timer on each key is not
 * free on a slow phone).
 */
export class Pause {
  private timer?: ReturnType<typeof setTimeout>;
  private dueAt = 0;

  constructor(private readonly fire: () => void) {}

  /** Waits for the next pause of `ms`. */
  poke(ms: number): void {
    this.dueAt = performance.now() + ms;
    if (this.timer === undefined) this.arm(ms);
  }

  /** Stops waiting: `fire` is not called (until the next poke). Cheap when nothing waits. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number) {
    this.timer = setTimeout(() => {
      const left = this.dueAt - performance.now();
      if (left > 1) return this.arm(left);
      this.timer = undefined;
      this.fire();
    }, ms);
  }
}
