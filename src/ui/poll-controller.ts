import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Longest wait after repeated failures. */
const MAX_INTERVAL_MS = 5 * 60_000;

/**
 * Runs `check` every `interval()` ms while the host is connected and the page is visible; after
 * a failure the wait doubles up to five minutes, and the first success restores it. Hidden
 * pages are not polled at all; coming back checks at once.
 */
export class PollController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private delay: number;
  private running = false;
  private connected = false;
  private readonly onVisibility = () => {
    clearTimeout(this.timer);
    if (!document.hidden && this.running) void this.tick();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly check: () => Promise<void>,
    private readonly interval: () => number,
  ) {
    this.delay = 0;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.running) this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
  }

  /** Starts polling (the first check after one interval). */
  start(): void {
    this.running = true;
    this.delay = this.interval();
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private schedule() {
    clearTimeout(this.timer);
    // A check in flight when the host left the page must not start another round.
    if (this.connected && !document.hidden) this.timer = setTimeout(() => void this.tick(), this.delay);
  }

  private async tick() {
    try {
      await this.check();
      this.delay = this.interval();
    } catch {
      this.delay = Math.min(this.delay * 2, MAX_INTERVAL_MS);
    }
    if (this.running) this.schedule();
  }
}
