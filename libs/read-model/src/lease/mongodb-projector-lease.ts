import { MongoClient, MongoServerError, type Collection } from 'mongodb';
import type { LeaseHolder, ProjectorLease } from './projector-lease.port.js';

interface LeaseRecord {
  _id: string;
  holder: string;
  models: string;
  expiresAt: Date;
}

const LEASE = 'projector';
const DUPLICATE_KEY = 11000;

/**
 * The lease as one document in the read models' database. Processes on several machines share it,
 * so expiry is decided by the server's clock (`$$NOW`), never the callers'. Taking it is one
 * findOneAndUpdate matching the document only when it is the caller's or has expired; when another
 * holds it, the upsert's insert collides with the existing `_id`, which means "not yours".
 */
export class MongoProjectorLease implements ProjectorLease {
  private constructor(
    private readonly client: MongoClient,
    private readonly leases: Collection<LeaseRecord>,
  ) {}

  static async connect(url: string, database: string): Promise<MongoProjectorLease> {
    const client = await MongoClient.connect(url);
    return new MongoProjectorLease(client, client.db(database).collection<LeaseRecord>('projector_lease'));
  }

  async acquire(holder: string, models: string, ttlMs: number): Promise<boolean> {
    try {
      const taken = await this.leases.findOneAndUpdate(
        { _id: LEASE, $or: [{ holder }, { $expr: { $lte: ['$expiresAt', '$$NOW'] } }] },
        [{ $set: { holder, models, expiresAt: { $add: ['$$NOW', ttlMs] } } }],
        { upsert: true, returnDocument: 'after', writeConcern: { w: 'majority' } },
      );
      return taken?.holder === holder;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async release(holder: string): Promise<void> {
    await this.leases.updateOne({ _id: LEASE, holder }, { $set: { expiresAt: new Date(0) } });
  }

  async current(): Promise<LeaseHolder | null> {
    const record = await this.leases.findOne({ _id: LEASE });
    return record ? { holder: record.holder, models: record.models, expiresAt: record.expiresAt.getTime() } : null;
  }

  async now(): Promise<number> {
    const { localTime } = (await this.client.db('admin').command({ hello: 1 })) as { localTime: Date };
    return localTime.getTime();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
