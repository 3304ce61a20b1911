import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RecordEvent } from '../audit-trail/record-event.model';
import { readRecordEvents, toRecordEvent, type RecordStreamRef } from '../audit-trail/record-event.repository';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import type { Caller } from '../identity/authenticator';
import { requestScoped } from './request-scoped';

/**
 * `history` of units, inspections and findings: one statement for every record of a page that
 * asks. Callers check that the record itself is visible; its events are then shown as stored.
 */
@Injectable()
export class RecordHistory {
  constructor(
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  of(caller: Caller, ref: RecordStreamRef): Promise<RecordEvent[]> {
    return this.loader(caller).load(ref);
  }

  private loader(caller: Caller): DataLoader<RecordStreamRef, RecordEvent[], string> {
    return requestScoped(caller, RecordHistory, () =>
      new DataLoader<RecordStreamRef, RecordEvent[], string>(
        (refs) =>
          this.transactions.read({ tenantIds: caller.tenantIds }, async (sql) =>
            (await readRecordEvents(sql, this.store, refs)).map((events) => events.map(toRecordEvent)),
          ),
        { cacheKeyFn: (ref) => `${ref.tenantId}/${ref.streamId}/${ref.upToVersion ?? ''}` },
      ),
    );
  }
}
