import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BenchPostgres } from './bench-environment';
import { chainVerificationBench } from './benches/chain-verification';
import { commandAppendBench } from './benches/command-append';
import { growthBench } from './benches/growth';
import { ledgerReadBench } from './benches/ledger-read';
import { projectionRebuildBench } from './benches/projection-rebuild';
import { statisticsBench } from './benches/statistics';
import { timeTravelBench } from './benches/time-travel';
import { dataPlan, type BenchContext, type DataSetName } from './benches/bench-context';
import { buildDataSet, type BenchDataSet } from './datagen/bench-data-set';
import { checkDataPaths } from './datagen/check-data-paths';
import { describeMachine, markdownReport, printResult, type BenchResult } from './report';

/**
 * `npm run bench -- <name>` runs one benchmark, `npm run bench -- all` every one and rewrites
 * docs/benchmarks.md. Options: --seconds=N per load run (default 15); --scale=F shrinks the
 * findings of the base and large data sets and --chain-scale=F those of the million-event chain
 * (default 1 each; the report says when either is not 1). The order keeps each data set's server
 * running only while a benchmark needs it.
 */
const BENCHES: Record<string, { title: string; uses: DataSetName[]; run: (context: BenchContext) => Promise<BenchResult> }> = {
  append: { title: '1. command append path', uses: ['base'], run: commandAppendBench },
  ledger: { title: '2. GraphQL ledger read', uses: ['base'], run: ledgerReadBench },
  'time-travel': { title: '4. time travel', uses: ['base'], run: timeTravelBench },
  growth: { title: '7. growth', uses: ['base', 'large'], run: growthBench },
  statistics: { title: '3. statistics', uses: ['large'], run: statisticsBench },
  rebuild: { title: '5. projection rebuild', uses: ['chain'], run: projectionRebuildBench },
  verify: { title: '6. chain verification', uses: ['chain'], run: chainVerificationBench },
};

/** Not a benchmark: shows that the bulk path writes exactly what the product's append path writes. */
const DATA_PATHS_CHECK = 'datagen-check';

function option(name: string, fallback: number): number {
  const raw = process.argv.find((argument) => argument.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

function usage(): string {
  return `usage: npm run bench -- <${[...Object.keys(BENCHES), 'all', DATA_PATHS_CHECK].join('|')}> [--seconds=15] [--scale=1] [--chain-scale=1]`;
}

async function main(): Promise<void> {
  const name = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
  if (name === DATA_PATHS_CHECK) {
    const postgres = await BenchPostgres.start(console.log);
    try {
      process.exitCode = (await checkDataPaths(postgres, console.log)) ? 0 : 1;
    } finally {
      await postgres.stop();
    }
    return;
  }
  if (!name || (name !== 'all' && !BENCHES[name])) {
    console.error(usage());
    process.exit(2);
  }
  const seconds = option('seconds', 15);
  const scale = option('scale', 1);
  const chainScale = option('chain-scale', 1);
  const startedAt = Date.now();
  const log = (message: string) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const postgres = await BenchPostgres.start(log);
  const dataSets = new Map<DataSetName, Promise<BenchDataSet>>();
  const context: BenchContext = {
    postgres,
    log,
    seconds,
    scale,
    dataSet: (set) => {
      let built = dataSets.get(set);
      if (!built) {
        log(`building the ${set} data set`);
        const started = Date.now();
        built = buildDataSet(postgres, dataPlan(set, set === 'chain' ? chainScale : scale), 'bulk', log).then((dataSet) => {
          log(`built the ${set} data set: ${dataSet.events.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
          return dataSet;
        });
        dataSets.set(set, built);
      }
      return built;
    },
  };
  const results: BenchResult[] = [];
  try {
    // In a full run, first show that the data the benchmarks stand on is what the product would write.
    const identical = name === 'all' ? await checkDataPaths(postgres, log) : undefined;
    const chosen = Object.entries(BENCHES).filter(([id]) => name === 'all' || name === id);
    for (const [index, [, bench]] of chosen.entries()) {
      log(`running ${bench.title}`);
      const result = await bench.run(context);
      printResult(result, console.log);
      results.push(result);
      // A data set no later benchmark needs is closed, so its server stops competing for the cores.
      const needed = new Set(chosen.slice(index + 1).flatMap(([, later]) => later.uses));
      for (const [set, built] of dataSets) {
        if (needed.has(set)) continue;
        dataSets.delete(set);
        await (await built).close();
      }
    }
    if (name === 'all') {
      const machine = describeMachine(await postgres.version());
      const preface = [
        'Every figure is measured against its baseline in the same run, on the same PostgreSQL, on the machine below.',
        'These are measurements, not tests: nothing here fails a build. The in-process load generators share the machine\'s cores with the server and PostgreSQL; a load average at the end well above what the run itself causes (about its core count) means other work shared the machine and slowed every figure.',
        `The data is generated by tools/bench/datagen from a fixed seed through the domain deciders and written by a bulk path; \`npm run bench -- datagen-check\` writes one data set through the product's own append path and through the bulk path and compares every district chain's head hash and every projection table: in this run they were ${identical ? 'identical' : '**not identical**'}.`,
        ...(scale === 1 ? [] : [`**Scaled run**: the findings per district of the base and large data sets × ${scale} (--scale=${scale}); each table states the size it ran on.`]),
        ...(chainScale === 1 ? [] : [`**Scaled run**: the million-event data set's findings (projection rebuild and chain verification) × ${chainScale} (--chain-scale=${chainScale}).`]),
      ];
      const target = join(resolve(__dirname, '../../../..'), 'docs/benchmarks.md');
      writeFileSync(target, markdownReport(machine, results, preface, (Date.now() - startedAt) / 1000));
      log(`wrote ${target}`);
    }
  } finally {
    for (const built of dataSets.values()) await (await built.catch(() => undefined))?.close();
    await postgres.stop();
  }
  log('done');
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
