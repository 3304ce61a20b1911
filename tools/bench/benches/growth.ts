import { ceilingRow, contextRow, format, type BenchResult, type FigureRow } from '../report';
import type { BenchContext } from './bench-context';
import { runCheckIns } from './command-append';
import { measureLedger } from './ledger-read';
import { measureTimeTravel } from './time-travel';

/** Cost per operation at ten times the data may be at most this multiple of the cost at 1×. */
const FLAT = 1.5;

function costRow(figure: string, base: number, large: number, show: (value: number) => string): FigureRow {
  const growth = large / base;
  return ceilingRow(figure, growth, FLAT, (value) => `${value.toFixed(2)}×`, `1×: ${show(base)}, 10×: ${show(large)}`, growth);
}

/** Figures 1, 2 and 4 on the base data set and on the one ten times its size, side by side. */
export async function growthBench(context: BenchContext): Promise<BenchResult> {
  const { log } = context;
  const base = await context.dataSet('base');
  const large = await context.dataSet('large');
  log(`bench 7: ${base.districts.length} → ${large.districts.length} districts, ${base.events.toLocaleString('en')} → ${large.events.toLocaleString('en')} events`);
  const appendBase = await runCheckIns(base, 'check-ins at 1×', context.seconds, log);
  const appendLarge = await runCheckIns(large, 'check-ins at 10×', context.seconds, log);
  const ledgerBase = (await measureLedger(base, 'growth.ledger', context.seconds, log)).product;
  const ledgerLarge = (await measureLedger(large, 'growth.ledger', context.seconds, log)).product;
  const travelBase = await measureTimeTravel(base, 'growth.timetravel', log);
  const travelLarge = await measureTimeTravel(large, 'growth.timetravel', log);
  const perOperation = (throughput: number) => 1000 / throughput;
  return {
    id: 'growth',
    title: '7. Growth',
    rows: [
      costRow('1. check-in command: time per operation', perOperation(appendBase.throughput), perOperation(appendLarge.throughput), format.ms),
      costRow('2. ledger page: time per request', perOperation(ledgerBase.requestsPerSecond), perOperation(ledgerLarge.requestsPerSecond), format.ms),
      costRow('2. ledger page: p99', ledgerBase.p99, ledgerLarge.p99, format.ms),
      costRow('4. time travel: p99', travelBase.p99, travelLarge.p99, format.ms),
      contextRow('data', `1×: ${base.districts.length} districts, ${base.events.toLocaleString('en')} events`, `10×: ${large.districts.length} districts, ${large.events.toLocaleString('en')} events`),
      contextRow('curve: check-ins per second', `${format.rate(appendBase.throughput)} → ${format.rate(appendLarge.throughput)}`),
      contextRow('curve: ledger pages per second', `${format.rate(ledgerBase.requestsPerSecond, 'req/s')} → ${format.rate(ledgerLarge.requestsPerSecond, 'req/s')}`),
      contextRow('curve: time travel p50', `${format.ms(travelBase.p50)} → ${format.ms(travelLarge.p50)}`),
    ],
    notes: ['The same measurements as benchmarks 1, 2 and 4 (same clients, connections and samples), on both data sets in this run. The ledger reads the largest district of each.'],
  };
}
