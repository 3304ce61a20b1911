export * from './shared/decider';
export * from './shared/domain-error';
export * from './identity';
export * from './tenancy/tenancy.decider';
