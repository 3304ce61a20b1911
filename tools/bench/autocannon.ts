import { execFile } from 'node:child_process';

export interface HttpLoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * autocannon in its own process (so the load generator does not share the server's event loop),
 * POSTing one JSON body at `connections` connections for `seconds`.
 */
export function autocannon(options: { url: string; body: string; headers: Record<string, string>; connections: number; seconds: number }): Promise<HttpLoadResult> {
  const headers = Object.entries({ 'content-type': 'application/json', ...options.headers }).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const args = [require.resolve('autocannon'), '-j', '-c', String(options.connections), '-d', String(options.seconds), '-m', 'POST', '-b', options.body, ...headers, options.url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) {
        reject(error);
        return;
      }
      const result = JSON.parse(stdout) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    });
  });
}
