export interface LoadResult {
  operations: number;
  errors: number;
  seconds: number;
  /** Operations per second. */
  throughput: number;
  p50: number;
  p99: number;
  /** Every measured latency, in ms, for merging runs. */
  samples: number[];
}

export function percentile(sortedMs: readonly number[], fraction: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1)]!;
}

export function latencySummary(samplesMs: number[]): { p50: number; p99: number } {
  const sorted = samplesMs.sort((left, right) => left - right);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/**
 * A closed loop: `clients` callers, each issuing its next operation when the previous one answered,
 * for `seconds` after a short warm-up. Reports throughput and latency percentiles.
 */
export async function closedLoop(options: {
  label: string;
  clients: number;
  seconds: number;
  warmUpSeconds?: number;
  operation: (client: number, sequence: number) => Promise<void>;
  log: (message: string) => void;
}): Promise<LoadResult> {
  const warmUpEnd = Date.now() + (options.warmUpSeconds ?? 2) * 1000;
  let measuring = false;
  let end = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  let started = 0;
  const ticker = setInterval(() => {
    if (measuring) options.log(`  ${options.label}: ${latencies.length.toLocaleString('en')} operations in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, 5000);
  const client = async (index: number): Promise<void> => {
    for (let sequence = 0; ; sequence += 1) {
      const now = Date.now();
      if (!measuring && now >= warmUpEnd) {
        measuring = true;
        started = now;
        end = now + options.seconds * 1000;
      }
      if (now >= end) return;
      const begin = process.hrtime.bigint();
      try {
        await options.operation(index, sequence);
        if (measuring) latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      } catch (error) {
        errors += 1;
        firstError ??= error;
        if (errors > 100 && errors > latencies.length) throw error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  } finally {
    clearInterval(ticker);
  }
  if (firstError) options.log(`  ${options.label}: ${errors} operations failed; the first: ${String(firstError)}`);
  const seconds = (Date.now() - started) / 1000;
  return { operations: latencies.length, errors, seconds, throughput: latencies.length / seconds, ...latencySummary(latencies), samples: latencies };
}

/** Several runs of one load as if they were one: their operations, time and latencies together. */
export function mergeLoads(runs: readonly LoadResult[]): LoadResult {
  const samples = runs.flatMap((run) => run.samples);
  const operations = runs.reduce((sum, run) => sum + run.operations, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return { operations, errors: runs.reduce((sum, run) => sum + run.errors, 0), seconds, throughput: operations / seconds, ...latencySummary(samples), samples };
}

/** Times one piece of work. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const begin = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - begin) / 1e9 };
}
