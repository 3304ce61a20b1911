/** A refusal from the API, with its stable code (extensions.code) and its own message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const MAX_RATE_LIMIT_WAIT_S = 70;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** GraphQL over HTTP as one signed-in person: what the web client does, without a browser. */
export class GraphQLHttpClient {
  private constructor(
    readonly apiUrl: string,
    readonly username: string,
    private readonly accessToken: string,
  ) {}

  /** Signs in; when the per-address sign-in limit is hit, waits as long as the API asks and tries again. */
  static async signIn(apiUrl: string, username: string, password: string): Promise<GraphQLHttpClient> {
    for (;;) {
      try {
        const data = await post<{ signIn: { accessToken: string } }>(
          apiUrl,
          'mutation SeedSignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }',
          { input: { username, password } },
          null,
        );
        return new GraphQLHttpClient(apiUrl, username, data.signIn.accessToken);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'TOO_MANY_REQUESTS') throw error;
        const wait = Math.min(Number(error.extensions['retryAfterSeconds'] ?? 60), MAX_RATE_LIMIT_WAIT_S);
        await sleep(wait * 1000 + 250);
      }
    }
  }

  request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return post<T>(this.apiUrl, query, variables, this.accessToken);
  }

  /** Stores an evidence file through the REST endpoint; answers its sha256. */
  async uploadEvidence(content: Buffer, fileName: string, contentType: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: contentType }), fileName);
    const response = await fetch(`${this.apiUrl}/api/evidence`, { method: 'POST', headers: { authorization: `Bearer ${this.accessToken}` }, body: form });
    const body = (await response.json().catch(() => ({}))) as { sha256?: string; message?: string };
    if (!response.ok || !body.sha256) throw new ApiError(`HTTP_${response.status}`, `evidence upload refused: ${body.message ?? response.statusText}`);
    return body.sha256;
  }
}

async function post<T>(apiUrl: string, query: string, variables: Record<string, unknown>, accessToken: string | null): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  const first = body.errors?.[0];
  if (first) {
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'operation';
    throw new ApiError(String(first.extensions?.['code'] ?? 'UNKNOWN'), `${operation}: ${first.message}`, first.extensions ?? {});
  }
  if (!body.data) throw new ApiError('NO_DATA', `HTTP ${response.status} without data`);
  return body.data;
}
