const perRequest = new WeakMap<object, Map<unknown, unknown>>();

/**
 * One instance per GraphQL request (DataLoaders, mainly), kept on the request's context object and
 * gone with it. A plain WeakMap instead of Nest's REQUEST scope, which would rebuild every
 * resolver and service of the chain for each request.
 */
export function requestScoped<T>(context: object, key: object, create: () => T): T {
  let instances = perRequest.get(context);
  if (!instances) {
    instances = new Map();
    perRequest.set(context, instances);
  }
  if (!instances.has(key)) instances.set(key, create());
  return instances.get(key) as T;
}
