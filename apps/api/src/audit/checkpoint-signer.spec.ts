import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointSignatureProblem } from '@zeren/events';
import { ConfigError, loadConfig } from '../config/app-config';
import type { AuditLog } from './audit-log';
import { CheckpointSigner, GENERATED_CHECKPOINT_KEY_FILE } from './checkpoint-signer';

const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
let dataDir: string;
let warnings: string[];
const log: AuditLog = { log: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'zeren-signer-'));
  warnings = [];
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const statement = { tenantId: '6f1d3c1e-8a1b-4c5d-9e0f-112233445566', tenantPosition: 7n, hash: 'ab'.repeat(32), signedAt: '2026-03-02T00:00:00.000Z' };

describe('the checkpoint signer', () => {
  it('generates a key once into the data folder (mode 0600), warns, and reuses it', () => {
    const config = loadConfig({ ZEREN_DATA_DIR: dataDir });
    const first = CheckpointSigner.load(config, log);
    const file = join(dataDir, GENERATED_CHECKPOINT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings.join('\n')).toMatch(/generated a checkpoint signing key .* in production keep the key elsewhere/);
    const second = CheckpointSigner.load(config, log);
    expect(second.keyId).toBe(first.keyId);
    expect(checkpointSignatureProblem(first.sign(statement), new Set([second.keyId]))).toBeNull();
  });

  it('reads the key from ZEREN_CHECKPOINT_KEY_FILE or ZEREN_CHECKPOINT_PRIVATE_KEY and writes nothing', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = join(dataDir, 'key.pem');
    writeFileSync(file, pem(privateKey), { mode: 0o600 });
    const fromFile = CheckpointSigner.load(loadConfig({ ZEREN_DATA_DIR: dataDir, ZEREN_CHECKPOINT_KEY_FILE: file }), log);
    const fromEnv = CheckpointSigner.load(loadConfig({ ZEREN_DATA_DIR: dataDir, ZEREN_CHECKPOINT_PRIVATE_KEY: pem(privateKey) }), log);
    expect(fromEnv.keyId).toBe(fromFile.keyId);
    expect(warnings).toEqual([]);
    expect(() => readFileSync(join(dataDir, GENERATED_CHECKPOINT_KEY_FILE))).toThrow();
  });

  it('warns about a key file other users can read', () => {
    const file = join(dataDir, 'key.pem');
    writeFileSync(file, pem(generateKeyPairSync('ed25519').privateKey), { mode: 0o644 });
    CheckpointSigner.load(loadConfig({ ZEREN_DATA_DIR: dataDir, ZEREN_CHECKPOINT_KEY_FILE: file }), log);
    expect(warnings.join('\n')).toMatch(/readable by other users/);
  });

  it('refuses two key sources, a missing file and a key that is not Ed25519, naming the setting', () => {
    const ed25519 = pem(generateKeyPairSync('ed25519').privateKey);
    const both = loadConfig({ ZEREN_DATA_DIR: dataDir, ZEREN_CHECKPOINT_KEY_FILE: '/nowhere.pem', ZEREN_CHECKPOINT_PRIVATE_KEY: ed25519 });
    expect(() => CheckpointSigner.load(both, log)).toThrow(ConfigError);
    expect(() => CheckpointSigner.load(loadConfig({ ZEREN_DATA_DIR: dataDir, ZEREN_CHECKPOINT_KEY_FILE: join(dataDir, 'nowhere.pem') }), log)).toThrow(
      /ZEREN_CHECKPOINT_KEY_FILE: cannot read .*ENOENT/,
    );
    const rsa = pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    expect(() => CheckpointSigner.load(loadConfig({ ZEREN_DATA_DIR: dataDir, ZEREN_CHECKPOINT_PRIVATE_KEY: rsa }), log)).toThrow(
      /ZEREN_CHECKPOINT_PRIVATE_KEY holds a rsa key; checkpoints are signed with Ed25519/,
    );
  });

  it('has a validated interval and an evidence folder under the data folder by default', () => {
    const config = loadConfig({ ZEREN_DATA_DIR: dataDir });
    expect(config).toMatchObject({ checkpointIntervalMs: 3_600_000, evidenceDir: join(dataDir, 'evidence'), checkpointKeyFile: undefined });
    expect(() => loadConfig({ ZEREN_CHECKPOINT_INTERVAL_MS: '10' })).toThrow(/ZEREN_CHECKPOINT_INTERVAL_MS/);
    expect(() => loadConfig({ ZEREN_CHECKPOINT_PRIVATE_KEY: 'not a key' })).toThrow(/ZEREN_CHECKPOINT_PRIVATE_KEY: must be a PEM private key/);
  });
});
