/** pg's own parameter serialisation (arrays, dates, JSON), which it ships without types. */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
