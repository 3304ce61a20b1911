export * from './core/canonical-json';
export * from './core/hash-chain';
export * from './core/event-definition';
export * from './core/event-registry';
export * from './core/envelope';
export * from './core/chain-verifier';
export * from './tenancy/tenancy.events';
export * from './catalogue';
