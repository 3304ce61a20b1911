import type { BenchPostgres } from '../bench-environment';
import type { CityPlan, DataPlan } from '../datagen/city-data-generator';
import type { BenchDataSet } from '../datagen/bench-data-set';

/**
 * The data sets, all from one seed. `large` is ten times `base` in districts (500 against 50) and
 * in events (about 400,000 against 38,000); its first city is the 15 districts × 3,000 findings of
 * the statistics bar. `chain` is a million events, for the projection rebuild and chain verification.
 * `--scale` shrinks the findings (not the districts) for a quick look; the report says so.
 */
export type DataSetName = 'base' | 'large' | 'chain';

const SEED = 20260301;

export function dataPlan(name: DataSetName, scale: number): DataPlan {
  const findings = (count: number) => Math.max(1, Math.round(count * scale));
  const city = (districts: number, findingsPerDistrict: number): CityPlan => ({ districts, findingsPerDistrict: findings(findingsPerDistrict) });
  const rest = (findingsPerDistrict: number) => [...Array.from({ length: 9 }, () => city(50, findingsPerDistrict)), city(35, findingsPerDistrict)];
  const cities: Record<DataSetName, CityPlan[]> = {
    base: [city(15, 300), city(35, 25)],
    large: [city(15, 3000), ...rest(25)],
    chain: [city(15, 3000), ...rest(216)],
  };
  return { seed: SEED, cities: cities[name], longFindingEvents: 200 };
}

export interface BenchContext {
  postgres: BenchPostgres;
  log: (message: string) => void;
  /** Length of each load run. */
  seconds: number;
  scale: number;
  dataSet(name: DataSetName): Promise<BenchDataSet>;
}
