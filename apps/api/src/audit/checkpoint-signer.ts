import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyId, publicKeyPem, signCheckpoint, type CheckpointStatement, type SignedCheckpoint } from '@zeren/events';
import { ConfigError, type AppConfig } from '../config/app-config';
import type { AuditLog } from './audit-log';

/** Where a single-machine set-up keeps the key it generated for itself. */
export const GENERATED_CHECKPOINT_KEY_FILE = 'checkpoint-signing-key.pem';

export type CheckpointKeyConfig = Pick<AppConfig, 'checkpointKeyFile' | 'checkpointPrivateKey' | 'dataDir'>;

function parsePrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError(`${source} does not hold a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(`${source} holds a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; checkpoints are signed with Ed25519 (openssl genpkey -algorithm ed25519)`);
  }
  return key;
}

function readKeyFile(file: string, source: string, log: AuditLog): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${source}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (statSync(file).mode & 0o077) log.warn(`checkpoint signing key ${file} is readable by other users; chmod 600 it`);
  return parsePrivateKey(pem, `${source} (${file})`);
}

/** Generates the key once; a second process racing this one reads the winner's key instead of replacing it. */
function loadOrGenerateLocalKey(dataDir: string, log: AuditLog): KeyObject {
  const file = join(dataDir, GENERATED_CHECKPOINT_KEY_FILE);
  let generated = false;
  try {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    generated = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  log.warn(
    `${generated ? 'generated a checkpoint signing key in' : 'checkpoints are signed with the generated key in'} ${file}, beside the database: ` +
      'fine for development, but in production keep the key elsewhere (ZEREN_CHECKPOINT_KEY_FILE or ZEREN_CHECKPOINT_PRIVATE_KEY) ' +
      'so whoever can change the database cannot also re-sign its checkpoints',
  );
  return readKeyFile(file, 'generated checkpoint key', log);
}

/**
 * Holds the Ed25519 key that signs chain heads. The key comes from a file or the environment and
 * is never written to the database: only signatures and the public key are. A single-machine
 * set-up without either gets a key generated into its data folder, with a warning.
 */
export class CheckpointSigner {
  readonly keyId: string;
  readonly publicKey: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConfigError('checkpoints are signed with an Ed25519 key');
    const publicKey = createPublicKey(privateKey);
    this.keyId = publicKeyId(publicKey);
    this.publicKey = publicKeyPem(publicKey);
  }

  static load(config: CheckpointKeyConfig, log: AuditLog): CheckpointSigner {
    if (config.checkpointKeyFile && config.checkpointPrivateKey) {
      throw new ConfigError('Set only one of ZEREN_CHECKPOINT_KEY_FILE and ZEREN_CHECKPOINT_PRIVATE_KEY');
    }
    const key = config.checkpointPrivateKey
      ? parsePrivateKey(config.checkpointPrivateKey, 'ZEREN_CHECKPOINT_PRIVATE_KEY')
      : config.checkpointKeyFile
        ? readKeyFile(config.checkpointKeyFile, 'ZEREN_CHECKPOINT_KEY_FILE', log)
        : loadOrGenerateLocalKey(config.dataDir, log);
    const signer = new CheckpointSigner(key);
    log.log(`checkpoints are signed with key ${signer.keyId}`);
    return signer;
  }

  sign(statement: CheckpointStatement): SignedCheckpoint {
    return signCheckpoint(statement, this.privateKey);
  }
}
