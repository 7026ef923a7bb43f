import type { EventStore } from '#event-store';

export function appendServiceHistory(store: EventStore, environments: number, firstEnvironment?: number): Promise<void>;
