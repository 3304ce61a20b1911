export * from './person.decider';
export * from './api-token.decider';
