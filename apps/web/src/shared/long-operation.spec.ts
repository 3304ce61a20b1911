import { describe, expect, it } from 'vitest';
import { estimatedPercent } from './long-operation';

describe('the progress of a long operation', () => {
  it('starts at zero, rises, and never claims to be done before it is', () => {
    expect(estimatedPercent(0, 3000)).toBe(0);
    expect(estimatedPercent(3000, 3000)).toBeGreaterThan(50);
    expect(estimatedPercent(600_000, 3000)).toBe(95);
  });
});
