import { ChainVerifier, hashesTo, type ChainFailure, type ChainHead, type ChainLink } from '../core/chain-verifier';
import { GENESIS_HASH } from '../core/hash-chain';
import { checkpointSignatureProblem, type SignedCheckpoint } from './checkpoint';
import { evidenceHashesOf, type EvidenceCheck, type EvidenceStatus } from './evidence';

export type AuditFault =
  /** The event's stored hash is not the hash of its stored content: data, metadata or another hashed column changed. */
  | 'CHANGED_EVENT'
  /** An event links to one that is not in the chain: events before it were removed. */
  | 'MISSING_EVENT'
  /** Events the chain does not link through: they were added after the fact. */
  | 'INSERTED_EVENT'
  /** An event links to one that now comes after it: events were moved. */
  | 'REORDERED'
  /** A link is broken in a way none of the patterns above explains (e.g. prev_hash itself edited). */
  | 'BROKEN_LINK'
  /** Positions skip or repeat although the links are intact: the position column was edited. */
  | 'POSITION_GAP'
  /** A signed checkpoint lies beyond the chain's end: its tail was cut off. */
  | 'TRUNCATED_TAIL'
  /** The chain no longer passes through a signed checkpoint's hash: it was rewritten and re-hashed. */
  | 'RECOMPUTED_TAIL'
  /** A checkpoint's signature is invalid, or its key is not a trusted one. */
  | 'BAD_SIGNATURE'
  | 'EVIDENCE_CHANGED'
  | 'EVIDENCE_MISSING';

export interface AuditFailure {
  /** The first position that is not what was appended (for checkpoint faults: the checkpoint's position). */
  tenantPosition: bigint;
  fault: AuditFault;
  detail: string;
  /** RECOMPUTED_TAIL: the rewrite lies after this position, the last one an earlier checkpoint confirmed. */
  confirmedThrough?: bigint;
  /** EVIDENCE_*: the file the event at tenantPosition refers to. */
  evidenceHash?: string;
}

export interface AuditOptions {
  tenantId: string;
  /** The link before the first one given: genesis for a whole chain, or where a bundle's segment starts. */
  start?: ChainHead;
  /** Checkpoints of any tenant; only this tenant's are used. */
  checkpoints?: readonly SignedCheckpoint[];
  /** Key ids whose checkpoints are believed; unset: any checkpoint whose own key verifies it (see keysPinned). */
  trustedKeyIds?: ReadonlySet<string>;
  /** Unset: evidence is listed but not checked. */
  evidence?: EvidenceCheck;
  /** A position the chain is declared to reach (a bundle's last event): falling short is a truncation. */
  expectedHead?: bigint;
}

export interface AuditReport {
  tenantId: string;
  ok: boolean;
  failure: AuditFailure | null;
  /** Events whose links and hashes check out, before the first fault. */
  verifiedEvents: number;
  /** The position before the first event checked (0 for a whole chain). */
  startPosition: bigint;
  /** The last event whose links and hashes check out. */
  head: ChainHead;
  checkpoints: {
    /** Checkpoints the chain passed through with a valid signature. */
    confirmed: number;
    /** Nothing up to here can have been changed, removed or inserted; after it, a tail could be cut or rewritten unseen. */
    lastConfirmedPosition: bigint | null;
    keyIds: string[];
    /** False when no trusted key set was given: a checkpoint re-signed with someone's own key would pass. */
    keysPinned: boolean;
  };
  evidence: { referenced: number; intact: number; notChecked: number };
}

/** How far back a broken link may point and still be recognised as an insertion or a copy. */
const RECENT_LINKS = 4096;
/** How far ahead the auditor reads after a broken link to tell removal, insertion and reordering apart. */
const LOOKAHEAD_LINKS = 4096;

const hex = (hash: Buffer): string => hash.toString('hex');
const short = (hash: Buffer | string): string => (typeof hash === 'string' ? hash : hex(hash)).slice(0, 12);

/** Hashes of the last verified links by position, bounded so a long chain verifies in constant memory. */
class RecentLinks {
  private readonly positions = new Map<string, bigint>();

  add(hash: Buffer, tenantPosition: bigint): void {
    this.positions.set(hex(hash), tenantPosition);
    if (this.positions.size > RECENT_LINKS) this.positions.delete(this.positions.keys().next().value!);
  }

  positionOf(hash: Buffer): bigint | undefined {
    return this.positions.get(hex(hash));
  }
}

function iteratorOf<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

async function readAhead(iterator: AsyncIterator<ChainLink> | Iterator<ChainLink>): Promise<ChainLink[]> {
  const ahead: ChainLink[] = [];
  while (ahead.length < LOOKAHEAD_LINKS) {
    const next = await iterator.next();
    if (next.done) break;
    ahead.push(next.value);
  }
  return ahead;
}

/** "position 3 was" / "positions 3–5 were", for the details people read. */
function positionsWere(from: bigint, through: bigint): string {
  return from === through ? `position ${from} was` : `positions ${from}–${through} were`;
}

/** Links that a later event skips over, continuing from the last good one, were never part of the chain. */
function skippedOver(at: bigint, head: ChainHead, resumes: ChainLink): AuditFailure {
  return {
    tenantPosition: at,
    fault: 'INSERTED_EVENT',
    detail: `${positionsWere(at, resumes.tenantPosition - 1n)} inserted: the event at position ${resumes.tenantPosition} continues from position ${head.tenantPosition}`,
  };
}

/**
 * Names what a broken link means, from the links around it. A stored event's hash covers its own
 * content and its predecessor's hash, so an event that still hashes correctly tells where it was
 * originally written: after the event its prev_hash names. Where that event is now — later
 * (moved), earlier than the one before (something was slipped in), or nowhere (removed) — is the
 * diagnosis.
 */
function diagnose(failure: ChainFailure, bad: ChainLink, head: ChainHead, recent: RecentLinks, ahead: readonly ChainLink[]): AuditFailure {
  const at = bad.tenantPosition;
  const expected = head.tenantPosition + 1n;
  const resumes = ahead.find((link) => link.prevHash.equals(head.hash));
  if (failure.fault === 'CHANGED_EVENT') {
    if (resumes) return skippedOver(at, head, resumes);
    return {
      tenantPosition: at,
      fault: 'CHANGED_EVENT',
      detail: `the event at position ${at} no longer hashes to its stored hash: its data, metadata or another hashed column (or the hash itself) was changed`,
    };
  }
  const selfConsistent = hashesTo(bad.prevHash, bad.content, bad.hash);
  if (bad.prevHash.equals(head.hash)) {
    if (!selfConsistent) return { tenantPosition: at, fault: 'CHANGED_EVENT', detail: `stored at position ${at} instead of ${expected}, and its content no longer matches its hash` };
    return { tenantPosition: at, fault: 'POSITION_GAP', detail: `the event after position ${head.tenantPosition} is stored at position ${at}, though its link is intact: positions were renumbered` };
  }
  const copyOf = recent.positionOf(bad.hash);
  if (copyOf !== undefined) {
    return { tenantPosition: at, fault: 'INSERTED_EVENT', detail: `the event at position ${at} is a copy of the event at position ${copyOf}` };
  }
  const movedFrom = ahead.find((link) => link.hash.equals(bad.prevHash));
  if (movedFrom) {
    return {
      tenantPosition: at,
      fault: 'REORDERED',
      detail: `the event at position ${at} was written after the event now at position ${movedFrom.tenantPosition}: events were moved`,
    };
  }
  if (resumes) return skippedOver(at, head, resumes);
  const writtenAfter = recent.positionOf(bad.prevHash);
  if (writtenAfter !== undefined && writtenAfter < head.tenantPosition) {
    return {
      tenantPosition: writtenAfter + 1n,
      fault: 'INSERTED_EVENT',
      detail: `the event at position ${at} was written right after position ${writtenAfter}: ${positionsWere(writtenAfter + 1n, head.tenantPosition)} inserted`,
    };
  }
  if (selfConsistent) {
    return {
      tenantPosition: expected,
      fault: 'MISSING_EVENT',
      detail:
        at > expected
          ? `${positionsWere(expected, at - 1n)} removed: the event at position ${at} links to an event that is not in the chain`
          : `the event at position ${at} links to an event that is not in the chain (prev_hash ${short(bad.prevHash)}…): the event(s) before it were removed`,
    };
  }
  if (hashesTo(head.hash, bad.content, bad.hash)) {
    return { tenantPosition: at, fault: 'BROKEN_LINK', detail: `prev_hash of position ${at} was changed; its content and hash are intact` };
  }
  return { tenantPosition: at, fault: 'BROKEN_LINK', detail: `prev_hash of position ${at} is not the hash of the event before it, and its hash matches neither its content nor its link` };
}

/**
 * Verifies one tenant's chain, or a segment of it, from its stored columns: every hash recomputed,
 * every link followed, the chain passing through each signed checkpoint, each evidence file
 * re-hashed. Reports the first fault by position, named and explained. Runs as the links arrive
 * (a database cursor, a bundle being read), in constant memory.
 */
export async function auditChain(links: AsyncIterable<ChainLink> | Iterable<ChainLink>, options: AuditOptions): Promise<AuditReport> {
  const tenantId = options.tenantId.toLowerCase();
  const start = options.start ?? { tenantPosition: 0n, hash: GENESIS_HASH };
  // The same checkpoint may come twice (stored and kept outside); it is checked once.
  const distinct = new Map<string, SignedCheckpoint>();
  for (const checkpoint of options.checkpoints ?? []) {
    if (checkpoint.tenantId.toLowerCase() === tenantId && checkpoint.tenantPosition >= start.tenantPosition) {
      distinct.set(`${checkpoint.tenantPosition}:${checkpoint.keyId}:${checkpoint.signature}`, checkpoint);
    }
  }
  const checkpoints = [...distinct.values()].sort((a, b) => (a.tenantPosition < b.tenantPosition ? -1 : a.tenantPosition > b.tenantPosition ? 1 : 0));
  const verifier = new ChainVerifier(start);
  const recent = new RecentLinks();
  recent.add(start.hash, start.tenantPosition);
  const evidence = new Map<string, EvidenceStatus>();
  const keyIds = new Set<string>();
  let nextCheckpoint = 0;
  let confirmed = 0;
  let lastConfirmed: bigint | null = null;

  const checkpointsThrough = (link: ChainHead): AuditFailure | null => {
    for (; nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.tenantPosition <= link.tenantPosition; nextCheckpoint++) {
      const checkpoint = checkpoints[nextCheckpoint]!;
      const problem = checkpointSignatureProblem(checkpoint, options.trustedKeyIds);
      if (problem) {
        return { tenantPosition: checkpoint.tenantPosition, fault: 'BAD_SIGNATURE', detail: `the checkpoint of position ${checkpoint.tenantPosition} signed ${checkpoint.signedAt} cannot be relied on: ${problem}` };
      }
      if (checkpoint.hash !== hex(link.hash)) {
        const confirmedThrough = lastConfirmed ?? start.tenantPosition;
        return {
          tenantPosition: checkpoint.tenantPosition,
          fault: 'RECOMPUTED_TAIL',
          confirmedThrough,
          detail:
            `the checkpoint signed ${checkpoint.signedAt} says position ${checkpoint.tenantPosition} had hash ${short(checkpoint.hash)}…, ` +
            `the chain now has ${short(link.hash)}…: ${positionsWere(confirmedThrough + 1n, checkpoint.tenantPosition)} rewritten (some or all of them) and re-hashed`,
        };
      }
      confirmed += 1;
      lastConfirmed = checkpoint.tenantPosition;
      keyIds.add(checkpoint.keyId);
    }
    return null;
  };

  const evidenceOf = async (link: ChainLink): Promise<AuditFailure | null> => {
    for (const hash of evidenceHashesOf(link.content)) {
      let status = evidence.get(hash);
      if (!status) {
        status = options.evidence ? await options.evidence(hash) : 'NOT_CHECKED';
        evidence.set(hash, status);
      }
      if (status === 'MISSING') {
        return { tenantPosition: link.tenantPosition, fault: 'EVIDENCE_MISSING', evidenceHash: hash, detail: `evidence file ${short(hash)}… referred to at position ${link.tenantPosition} is missing` };
      }
      if (status === 'CHANGED') {
        return { tenantPosition: link.tenantPosition, fault: 'EVIDENCE_CHANGED', evidenceHash: hash, detail: `evidence file ${short(hash)}… referred to at position ${link.tenantPosition} no longer has that hash: its content changed` };
      }
    }
    return null;
  };

  const endOfChain = (): AuditFailure | null => {
    const head = verifier.head;
    const beyond = checkpoints[nextCheckpoint];
    if (beyond) {
      const problem = checkpointSignatureProblem(beyond, options.trustedKeyIds);
      if (problem) {
        return { tenantPosition: beyond.tenantPosition, fault: 'BAD_SIGNATURE', detail: `the checkpoint of position ${beyond.tenantPosition} signed ${beyond.signedAt} cannot be relied on: ${problem}` };
      }
      return {
        tenantPosition: head.tenantPosition + 1n,
        fault: 'TRUNCATED_TAIL',
        detail: `the checkpoint signed ${beyond.signedAt} says the chain reached position ${beyond.tenantPosition}, but it ends at ${head.tenantPosition}: ${positionsWere(head.tenantPosition + 1n, beyond.tenantPosition)} removed`,
      };
    }
    if (options.expectedHead !== undefined && head.tenantPosition < options.expectedHead) {
      return { tenantPosition: head.tenantPosition + 1n, fault: 'TRUNCATED_TAIL', detail: `the chain is declared to reach position ${options.expectedHead} but ends at ${head.tenantPosition}` };
    }
    if (options.expectedHead !== undefined && head.tenantPosition > options.expectedHead) {
      return { tenantPosition: options.expectedHead + 1n, fault: 'INSERTED_EVENT', detail: `the chain is declared to end at position ${options.expectedHead} but continues to ${head.tenantPosition}` };
    }
    return null;
  };

  let failure = checkpointsThrough(start);
  const iterator = iteratorOf(links);
  try {
    while (!failure) {
      const next = await iterator.next();
      if (next.done) {
        failure = endOfChain();
        break;
      }
      const link = next.value;
      const chainFailure = verifier.push(link);
      if (chainFailure) {
        failure = diagnose(chainFailure, link, verifier.head, recent, await readAhead(iterator));
        break;
      }
      recent.add(link.hash, link.tenantPosition);
      failure = (await evidenceOf(link)) ?? checkpointsThrough(link);
    }
  } finally {
    // Stops the source (a database cursor, a file being read) when the audit stops early.
    await iterator.return?.();
  }

  const statuses = [...evidence.values()];
  return {
    tenantId,
    ok: failure === null,
    failure,
    verifiedEvents: verifier.verifiedCount,
    startPosition: start.tenantPosition,
    head: verifier.head,
    checkpoints: { confirmed, lastConfirmedPosition: lastConfirmed, keyIds: [...keyIds], keysPinned: options.trustedKeyIds !== undefined },
    evidence: {
      referenced: statuses.length,
      intact: statuses.filter((status) => status === 'INTACT').length,
      notChecked: statuses.filter((status) => status === 'NOT_CHECKED').length,
    },
  };
}
