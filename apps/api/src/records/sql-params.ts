/** Collects positional parameters while a statement is assembled, so fragments never count by hand. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Binds a value and returns its placeholder, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Adds values bound elsewhere with placeholders numbered from the next free index (abilityToSqlWhere). */
  get nextIndex(): number {
    return this.values.length + 1;
  }

  append(values: readonly unknown[]): void {
    this.values.push(...values);
  }
}
