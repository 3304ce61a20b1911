import { emptyTallies, figuresFromTallies, isOpenFinding, type RectificationFigures } from '@zeren/domain';
import type { StatusCounts } from './statistics.repository';

/**
 * The domain's rectificationFigures, from counts PostgreSQL made of the findings instead of the
 * findings themselves: the tallies go through the domain's own derivation (withdrawn out of
 * recorded, 整改率 = verified ÷ recorded, overdue = open and red); an integration test holds them equal.
 */
export function figuresFromCounts(counts: readonly StatusCounts[], asOf: Date): RectificationFigures {
  const tallies = emptyTallies();
  for (const { status, count, verifiedOnTime, green, yellow, red } of counts) {
    tallies.byState[status] += count;
    tallies.verifiedOnTime += verifiedOnTime;
    if (!isOpenFinding(status)) continue;
    tallies.warningColours.GREEN += green;
    tallies.warningColours.YELLOW += yellow;
    tallies.warningColours.RED += red;
    tallies.warningColours.NONE += count - green - yellow - red;
  }
  return figuresFromTallies(tallies, asOf);
}
