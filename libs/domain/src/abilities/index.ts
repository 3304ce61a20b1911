export * from './ability';
export * from './ability-sql';
