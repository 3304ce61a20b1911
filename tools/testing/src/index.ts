/** Test harness shared by the projects' end-to-end tests (imported as @zeren/testing). */
export * from './free-port';
export * from './server-process';
export * from './schema-sdl';
