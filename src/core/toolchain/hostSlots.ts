// A bound on concurrent requests per host, shared by everything one download sends.

export class HostSlots {
  private readonly busy = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly perHost: number) {}

  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = new URL(url).host;
    while ((this.busy.get(host) ?? 0) >= this.perHost) await new Promise<void>((r) => this.waiters.push(r));
    this.busy.set(host, (this.busy.get(host) ?? 0) + 1);
    try {
      return await fn();
    } finally {
      this.busy.set(host, (this.busy.get(host) ?? 1) - 1);
      for (const w of this.waiters.splice(0)) w();
    }
  }
}
