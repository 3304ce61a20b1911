import { Client } from 'pg';

const CHANNEL = 'zeren_events';
/** Session advisory lock key held by the one instance that watches the log and sends wake-ups. */
const NOTIFIER_LOCK_KEY = 7_101_001;

type Log = (message: string) => void;

/**
 * Wake-ups for asynchronous consumers. Appends never NOTIFY (NOTIFY serialises commits on a global
 * lock); instead one leader instance, elected by an advisory lock, watches how far the log reaches
 * and sends one NOTIFY per batch of new events. Every instance LISTENs. Consumers also poll on a
 * timer, so a lost wake-up only delays them.
 */
export class EventWakeUp {
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private leader = false;
  private lastPosition = -1n;
  private readonly listeners = new Set<() => void>();
  private checking = false;

  constructor(
    private readonly appUrl: string,
    private readonly intervalMs: number,
    private readonly log: Log,
  ) {}

  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.appUrl, application_name: 'zeren-wake-up' });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.wakeListeners();
    });
    client.on('error', (error) => this.log(`wake-up connection error: ${error.message}`));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    await this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private wakeListeners(): void {
    for (const listener of this.listeners) listener();
  }

  private async tick(): Promise<void> {
    const client = this.client;
    if (!client || this.checking) return;
    this.checking = true;
    try {
      if (!this.leader) {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [NOTIFIER_LOCK_KEY]);
        this.leader = rows[0]!.locked;
        if (this.leader) this.log('this instance now sends event wake-ups');
      }
      if (this.leader) {
        const { rows } = await client.query<{ position: string }>('SELECT zeren_latest_position() AS position');
        const position = BigInt(rows[0]!.position);
        if (position > this.lastPosition) {
          this.lastPosition = position;
          await client.query('SELECT pg_notify($1, $2)', [CHANNEL, position.toString()]);
        }
      } else {
        // Followers still wake their consumers on the timer in case the leader's NOTIFY is lost.
        this.wakeListeners();
      }
    } catch (error) {
      this.log(`wake-up check failed: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }
}

/** Runs a consumer whenever woken, never two polls at once, re-polling if woken mid-poll. */
export class ConsumerLoop {
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly poll: () => Promise<unknown>,
    private readonly log: Log,
  ) {}

  wake = (): void => {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.run();
  };

  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.poll();
      } catch (error) {
        this.log(`consumer poll failed: ${(error as Error).message}`);
      }
    } while (this.again && !this.stopped);
    this.running = false;
  }
}
