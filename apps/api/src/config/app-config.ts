import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { LoadSheddingOptions } from '../system/load-shedding';

const port = z.coerce.number().int().min(0).max(65535);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  DATABASE_APP_URL: z.url().optional(),
  ZEREN_APP_DB_PASSWORD: z.string().min(16).optional(),
  ZEREN_DATA_DIR: z.string().default('./.zeren-data'),
  ZEREN_EMBEDDED_PG_PORT: port.default(54329),
  ZEREN_DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('zeren'),
  ZEREN_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  ZEREN_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  ZEREN_WEB_DIST: z.string().default('./dist/apps/web'),
  ZEREN_LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  ZEREN_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  ZEREN_JWT_SECRET: z.string().min(32).optional(),
  ZEREN_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10).optional(),
  ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  ZEREN_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  ZEREN_REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(30 * 86400).default(7 * 86400),
  ZEREN_CHECKPOINT_KEY_FILE: z.string().min(1).optional(),
  ZEREN_CHECKPOINT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  ZEREN_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).max(7 * 86_400_000).default(3_600_000),
  ZEREN_CHECKPOINT_TRUSTED_KEY_IDS: z.string().regex(/^([0-9a-f]{16})(,[0-9a-f]{16})*$/, { message: 'comma-separated 16-character key ids' }).optional(),
  ZEREN_EVIDENCE_DIR: z.string().min(1).optional(),
  ZEREN_EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  ZEREN_WARNING_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  DATABASE_REPLICA_URL: z.url().optional(),
  ZEREN_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  ZEREN_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  ZEREN_DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5_000),
  ZEREN_DELIVERY_RETRY_MAX_MS: z.coerce.number().int().min(1).max(7 * 86_400_000).default(3_600_000),
  ZEREN_SMTP_URL: z.url({ protocol: /^smtp$/, error: 'must look like smtp://host:port' }).optional(),
  ZEREN_MAIL_FROM: z.email().optional(),
  ZEREN_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  ZEREN_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(512),
  ZEREN_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(10).max(60_000).optional(),
  ZEREN_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(2),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** Owner connection (runs migrations); unset means the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Runtime connection as the non-owner role; unset means zeren_app on the owner's server. */
  databaseAppUrl: string | undefined;
  appDbPassword: string | undefined;
  embeddedPgPort: number;
  databaseName: string;
  poolSize: number;
  pollIntervalMs: number;
  webDist: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  seedDemo: boolean;
  /** HS256 key for access tokens; unset means one generated once into the data folder. */
  jwtSecret: string | undefined;
  /** Password of the `platform` administrator created on the first start; unset means one generated into the data folder. */
  bootstrapAdminPassword: string | undefined;
  /** Sign-in attempts one client address may make per minute on one instance. */
  signInAttemptsPerMinute: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** PEM file of the Ed25519 key that signs chain checkpoints; never stored in the database. */
  checkpointKeyFile: string | undefined;
  /** The same key as PEM text, for platforms that hand secrets over in the environment. */
  checkpointPrivateKey: string | undefined;
  /** How often the head of every tenant's chain is signed. */
  checkpointIntervalMs: number;
  /** Earlier signing keys whose checkpoints verification still believes (after a key rotation), besides the current key. */
  checkpointTrustedKeyIds: string[];
  /** Content-addressed evidence files (sha256 names). */
  evidenceDir: string;
  /** Largest evidence upload accepted; a longer one is refused while it streams in. */
  evidenceMaxBytes: number;
  /** How often the 三色预警 scheduler looks for warnings that are due. */
  warningIntervalMs: number;
  /** The runtime role on a streaming replica, for reads that may lag a little; unset means the primary. */
  databaseReplicaUrl: string | undefined;
  /** Webhook deliveries: attempts before a delivery is dead-lettered, and how long one POST may take. */
  webhookMaxAttempts: number;
  webhookTimeoutMs: number;
  /** Back-off of webhook and e-mail retries: doubling from the base, capped at the maximum, with jitter. */
  deliveryRetryBaseMs: number;
  deliveryRetryMaxMs: number;
  /** Outgoing mail relay (smtp://host:port); unset means notifications stay in-app only. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  mailMaxAttempts: number;
  /** When to answer 503 instead of taking on more work (apps/api/src/system/load-shedding.ts). */
  loadShedding: LoadSheddingOptions;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once, at start-up; nothing else reads process.env. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  if (env.ZEREN_SMTP_URL && !env.ZEREN_MAIL_FROM) throw new ConfigError('Invalid configuration:\n  ZEREN_MAIL_FROM: required when ZEREN_SMTP_URL is set');
  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.ZEREN_DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseAppUrl: env.DATABASE_APP_URL,
    appDbPassword: env.ZEREN_APP_DB_PASSWORD,
    embeddedPgPort: env.ZEREN_EMBEDDED_PG_PORT,
    databaseName: env.ZEREN_DATABASE_NAME,
    poolSize: env.ZEREN_DB_POOL_SIZE,
    pollIntervalMs: env.ZEREN_POLL_INTERVAL_MS,
    webDist: resolve(env.ZEREN_WEB_DIST),
    logLevel: env.ZEREN_LOG_LEVEL,
    seedDemo: env.ZEREN_SEED_DEMO === 'auto',
    jwtSecret: env.ZEREN_JWT_SECRET,
    bootstrapAdminPassword: env.ZEREN_BOOTSTRAP_ADMIN_PASSWORD,
    signInAttemptsPerMinute: env.ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE,
    accessTokenTtlSeconds: env.ZEREN_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: env.ZEREN_REFRESH_TOKEN_TTL_SECONDS,
    checkpointKeyFile: env.ZEREN_CHECKPOINT_KEY_FILE ? resolve(env.ZEREN_CHECKPOINT_KEY_FILE) : undefined,
    checkpointPrivateKey: env.ZEREN_CHECKPOINT_PRIVATE_KEY,
    checkpointIntervalMs: env.ZEREN_CHECKPOINT_INTERVAL_MS,
    checkpointTrustedKeyIds: env.ZEREN_CHECKPOINT_TRUSTED_KEY_IDS?.split(',') ?? [],
    evidenceDir: env.ZEREN_EVIDENCE_DIR ? resolve(env.ZEREN_EVIDENCE_DIR) : join(resolve(env.ZEREN_DATA_DIR), 'evidence'),
    evidenceMaxBytes: env.ZEREN_EVIDENCE_MAX_BYTES,
    warningIntervalMs: env.ZEREN_WARNING_INTERVAL_MS,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL,
    webhookMaxAttempts: env.ZEREN_WEBHOOK_MAX_ATTEMPTS,
    webhookTimeoutMs: env.ZEREN_WEBHOOK_TIMEOUT_MS,
    deliveryRetryBaseMs: env.ZEREN_DELIVERY_RETRY_BASE_MS,
    deliveryRetryMaxMs: env.ZEREN_DELIVERY_RETRY_MAX_MS,
    smtpUrl: env.ZEREN_SMTP_URL,
    mailFrom: env.ZEREN_MAIL_FROM,
    mailMaxAttempts: env.ZEREN_MAIL_MAX_ATTEMPTS,
    loadShedding: { maxInFlight: env.ZEREN_MAX_IN_FLIGHT, maxEventLoopDelayMs: env.ZEREN_MAX_EVENT_LOOP_DELAY_MS, retryAfterSeconds: env.ZEREN_RETRY_AFTER_SECONDS },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
