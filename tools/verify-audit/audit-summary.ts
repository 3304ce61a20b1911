import { FINDING_STATUS_LABELS, findingDecider, type FindingState } from '@zeren/domain';
import { eventCatalogue, findingEvents, type ChainLink, type FindingEvent } from '@zeren/events';

const FINDING_EVENT_TYPES: ReadonlySet<string> = new Set(findingEvents.map((definition) => definition.type));

interface LedgerEntry {
  state: FindingState;
  /** The first event seen was not the stream's first: its state cannot be derived from this bundle. */
  startsBefore: number | null;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(1, width - [...text].length));

/**
 * What a verified log says happened, for the person reading the verification: events by type,
 * who acted, and the rectification ledger (整改台账) as of the last event — each finding's state
 * folded from its events with the domain's own evolve, so it is the state the application would
 * show at that instant.
 */
export class AuditSummary {
  private readonly types = new Map<string, number>();
  private readonly actors = new Map<string, number>();
  private readonly ledger = new Map<string, LedgerEntry>();
  private selected = 0;
  private lastRecordedAt: string | null = null;

  add(link: ChainLink, selected: boolean): void {
    const { content } = link;
    this.lastRecordedAt = content.recordedAt;
    if (!selected) return;
    this.selected += 1;
    this.types.set(content.type, (this.types.get(content.type) ?? 0) + 1);
    const metadata = (content.metadata ?? {}) as { actorId?: string; actorRole?: string };
    const actor = `${metadata.actorId ?? '(none)'} (${metadata.actorRole ?? 'no role'})`;
    this.actors.set(actor, (this.actors.get(actor) ?? 0) + 1);
    if (content.streamType === 'Finding' && FINDING_EVENT_TYPES.has(content.type)) this.foldFinding(link);
  }

  lines(): string[] {
    const lines = [`${this.selected} selected event(s), by type:`];
    for (const [type, count] of [...this.types].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${pad(type, 32)}${count}`);
    lines.push('actors:');
    for (const [actor, count] of [...this.actors].sort(([, a], [, b]) => b - a)) lines.push(`  ${pad(actor, 60)}${count}`);
    lines.push(`rectification ledger (整改台账) as of ${this.lastRecordedAt ?? 'the start'}: ${this.ledger.size} finding(s)`);
    for (const [findingId, entry] of this.ledger) lines.push(`  ${findingId}  ${this.describe(entry)}`);
    return lines;
  }

  private foldFinding(link: ChainLink): void {
    const { content } = link;
    const entry = this.ledger.get(content.streamId) ?? {
      state: findingDecider.initialState(),
      startsBefore: content.version === 1 ? null : content.version,
    };
    if (entry.startsBefore === null) {
      // Stored payloads were validated against their schema when appended; upcasting brings old versions to the shape evolve expects.
      const event = { type: content.type, data: eventCatalogue.upcast(content.type, content.schemaVersion, content.data) } as FindingEvent;
      entry.state = findingDecider.evolve(entry.state, event);
    }
    this.ledger.set(content.streamId, entry);
  }

  private describe(entry: LedgerEntry): string {
    if (entry.startsBefore !== null) return `history starts before this bundle (first event here is version ${entry.startsBefore}): state not derivable`;
    const { state } = entry;
    if (state.status === 'NONE') return FINDING_STATUS_LABELS.NONE;
    return `${pad(`${FINDING_STATUS_LABELS[state.status]} ${state.status}`, 34)}deadline ${state.deadline}  unit ${state.unitId}  ${state.title}`;
  }
}
