import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../core/canonical-json';
import { hexSchema as hex } from './hex-schema';

/** What a checkpoint asserts: at `signedAt`, the tenant's chain reached `tenantPosition` with this head hash. */
export interface CheckpointStatement {
  tenantId: string;
  tenantPosition: bigint;
  /** Lowercase hex sha256 of the chain's event at tenantPosition. */
  hash: string;
  /** ISO-8601 UTC, as Date.prototype.toISOString writes it. */
  signedAt: string;
}

/** A statement with its Ed25519 signature and the public key that verifies it (kept so keys can rotate). */
export interface SignedCheckpoint extends CheckpointStatement {
  /** First 16 hex characters of sha256(raw 32-byte public key): short enough to read aloud and pin. */
  keyId: string;
  /** SPKI PEM of the signing key; empty when a bundle or export names a key it does not carry. */
  publicKey: string;
  /** Base64 of the 64-byte Ed25519 signature over checkpointSigningBytes(statement). */
  signature: string;
}

/** The checkpoint as written to exports and bundles: JSON has no bigint, and keys travel separately. */
export interface CheckpointJson {
  tenantId: string;
  tenantPosition: string;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface PublicKeyJson {
  keyId: string;
  publicKey: string;
}

/** `exportCheckpoints` output: a file to keep outside the system, and `verify-audit --checkpoints` input. */
export interface CheckpointExport {
  format: typeof CHECKPOINT_EXPORT_FORMAT;
  formatVersion: 1;
  tenantId: string;
  exportedAt: string;
  checkpoints: CheckpointJson[];
  publicKeys: PublicKeyJson[];
}

export const CHECKPOINT_EXPORT_FORMAT = 'zeren-checkpoints';

/**
 * Signed bytes carry a purpose label so a Zeren checkpoint signature can never be replayed as a
 * signature over anything else made with the same key.
 */
const SIGNING_PURPOSE = 'zeren-checkpoint/1';


export const checkpointJsonSchema = z.object({
  tenantId: z.guid(),
  tenantPosition: z.string().regex(/^[1-9][0-9]*$/),
  hash: hex(64),
  signedAt: z.iso.datetime(),
  keyId: hex(16),
  signature: z.base64(),
});

export const publicKeyJsonSchema = z.object({ keyId: hex(16), publicKey: z.string().min(1) });

const checkpointExportSchema = z.object({
  format: z.literal(CHECKPOINT_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  tenantId: z.guid(),
  exportedAt: z.iso.datetime(),
  checkpoints: z.array(checkpointJsonSchema),
  publicKeys: z.array(publicKeyJsonSchema),
});

export function checkpointSigningBytes(statement: CheckpointStatement): Buffer {
  return Buffer.from(
    canonicalJson({
      hash: statement.hash,
      purpose: SIGNING_PURPOSE,
      signedAt: statement.signedAt,
      tenantId: statement.tenantId,
      tenantPosition: statement.tenantPosition.toString(),
    }),
    'utf8',
  );
}

export function publicKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16);
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

/** Signs with an Ed25519 private key (whose public half is derived, so the two cannot disagree). */
export function signCheckpoint(statement: CheckpointStatement, privateKey: KeyObject): SignedCheckpoint {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('checkpoints are signed with an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    ...statement,
    keyId: publicKeyId(publicKey),
    publicKey: publicKeyPem(publicKey),
    signature: sign(null, checkpointSigningBytes(statement), privateKey).toString('base64'),
  };
}

/**
 * Why a checkpoint cannot be relied on, or null when it can: the signature must verify under the
 * key it carries, that key must be the one its key id names, and, when the verifier was given a
 * set of trusted key ids, the key must be one of them (otherwise anyone with write access to the
 * checkpoints could sign their own).
 */
export function checkpointSignatureProblem(checkpoint: SignedCheckpoint, trustedKeyIds?: ReadonlySet<string>): string | null {
  if (!checkpoint.publicKey) return `its public key ${checkpoint.keyId} is not available`;
  let key: KeyObject;
  let actualKeyId: string;
  try {
    key = createPublicKey(checkpoint.publicKey);
    actualKeyId = publicKeyId(key);
  } catch {
    return `its public key ${checkpoint.keyId} is not a valid Ed25519 key`;
  }
  if (actualKeyId !== checkpoint.keyId) return `its key id ${checkpoint.keyId} does not match its public key (${actualKeyId})`;
  const signature = Buffer.from(checkpoint.signature, 'base64');
  if (signature.length !== 64 || !verify(null, checkpointSigningBytes(checkpoint), key, signature)) {
    return `its signature does not verify under key ${checkpoint.keyId}`;
  }
  if (trustedKeyIds && !trustedKeyIds.has(checkpoint.keyId)) return `it is signed by key ${checkpoint.keyId}, which is not trusted`;
  return null;
}

export function checkpointToJson(checkpoint: SignedCheckpoint): CheckpointJson {
  const { tenantId, tenantPosition, hash, signedAt, keyId, signature } = checkpoint;
  return { tenantId, tenantPosition: tenantPosition.toString(), hash, signedAt, keyId, signature };
}

/** Distinct keys of these checkpoints, in first-use order. */
export function publicKeysOf(checkpoints: readonly SignedCheckpoint[]): PublicKeyJson[] {
  const keys = new Map<string, string>();
  for (const checkpoint of checkpoints) if (!keys.has(checkpoint.keyId)) keys.set(checkpoint.keyId, checkpoint.publicKey);
  return [...keys].map(([keyId, publicKey]) => ({ keyId, publicKey }));
}

/**
 * Rejoins checkpoints with their keys. A key is looked up by the id the checkpoint names; whether
 * that key really has that id is checkpointSignatureProblem's job, so a lie is reported, not trusted.
 */
export function checkpointFromJson(json: CheckpointJson, publicKeys: ReadonlyMap<string, string>): SignedCheckpoint {
  return { ...json, tenantPosition: BigInt(json.tenantPosition), publicKey: publicKeys.get(json.keyId) ?? '' };
}

export function createCheckpointExport(tenantId: string, checkpoints: readonly SignedCheckpoint[], exportedAt = new Date()): CheckpointExport {
  return {
    format: CHECKPOINT_EXPORT_FORMAT,
    formatVersion: 1,
    tenantId,
    exportedAt: exportedAt.toISOString(),
    checkpoints: checkpoints.map(checkpointToJson),
    publicKeys: publicKeysOf(checkpoints),
  };
}

/** Reads a checkpoint export (parsed JSON); throws a readable error when it is not one. */
export function parseCheckpointExport(value: unknown): { tenantId: string; checkpoints: SignedCheckpoint[] } {
  const parsed = checkpointExportSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`not a Zeren checkpoint export: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '$'} ${issue.message}`).join('; ')}`);
  }
  const keys = new Map(parsed.data.publicKeys.map((key) => [key.keyId, key.publicKey]));
  return { tenantId: parsed.data.tenantId, checkpoints: parsed.data.checkpoints.map((json) => checkpointFromJson(json, keys)) };
}
