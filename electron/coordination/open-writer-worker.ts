// The coordination writer's thread (open-writer.ts): opens its own connection to the store, runs the ops it is
// handed in one transaction begun at the first of them, and at the end commits or rolls back, answers once,
// closes the connection and ends. After an op fails it rolls back at once and runs nothing more; the commit
// then answers with that op's error.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreRef } from '../jobs/protocol.js';
import { DATABASE_FILE, openDatabase, type Db } from '../store/db.js';
import { OpApplier, type WriterReply, type WriterRequest } from './open-writer.js';

function main(port: NonNullable<typeof parentPort>, store: StoreRef): void {
  let db: Db | undefined;
  let applier: OpApplier | undefined;
  let failed: WriterReply | undefined;
  const fail = (err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    const code = (e as { code?: unknown }).code;
    failed = { type: 'error', message: e.message, ...(typeof code === 'string' ? { code } : {}) };
    if (db?.inTransaction) db.exec('ROLLBACK');
  };
  try {
    db = openDatabase(
      path.join(store.dataDir, DATABASE_FILE),
      store.nativeBinding ? { nativeBinding: store.nativeBinding } : {},
    );
  } catch (err) {
    fail(err);
  }
  const end = (reply: WriterReply) => {
    db?.close();
    port.postMessage(reply);
    port.close();
  };
  port.on('message', (m: WriterRequest) => {
    if (m.type === 'ops') {
      if (failed || !db) return;
      try {
        if (!applier) {
          db.exec('BEGIN IMMEDIATE');
          applier = new OpApplier(db);
        }
        applier.apply(m.ops);
      } catch (err) {
        fail(err);
      }
      return;
    }
    if (m.type === 'rollback') {
      if (db?.inTransaction) db.exec('ROLLBACK');
      end({ type: 'done' });
      return;
    }
    if (failed) {
      end(failed);
      return;
    }
    try {
      if (db?.inTransaction) db.exec('COMMIT');
      end({ type: 'done' });
    } catch (err) {
      fail(err);
      end(failed!);
    }
  });
}

if (!parentPort)
  throw new Error('electron/coordination/open-writer-worker.js runs only as a worker thread (open-writer.ts).');
main(parentPort, workerData as StoreRef);
