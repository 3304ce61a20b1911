export * from './checkpoint';
export * from './evidence';
export * from './chain-audit';
export * from './stored-chain';
export * from './audit-bundle';
