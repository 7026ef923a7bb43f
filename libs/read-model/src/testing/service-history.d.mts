import type { EventStore } from '#event-store';

export function appendServiceHistory(store: EventStore, environments: number): Promise<void>;
