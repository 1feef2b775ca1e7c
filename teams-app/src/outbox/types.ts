import type { EvidenceClass, EvidenceSource, LineOfEnquiry } from '../../../src/domain/vocabulary';
import type { ObservationItem } from '../api/types';

/** What the scrutineer chose for one observation. */
export interface ObservationFields {
  text: string;
  evidenceClass: EvidenceClass;
  partnerIds: string[];
  lineOfEnquiry?: LineOfEnquiry;
  source: EvidenceSource;
}

/** Enough to find or create the meeting record when the entry is finally sent. */
export interface TeamsMeetingRef {
  teamsMeetingId: string;
  title: string;
  startsAt: string;
}

/** One observation waiting on this device. Sent entries are deleted, so none is ever "sent". */
export interface OutboxEntry {
  /** The store key and the idempotency key the server deduplicates on. */
  key: string;
  /** Sending order: entries go in the order they were saved. */
  seq: number;
  /** Which panel it was filed from (a Teams meeting, or none), to show it in the right list. */
  scope: string;
  createdAt: string;
  observedAt: string;
  fields: ObservationFields;
  meetingId?: string;
  teamsMeeting?: TeamsMeetingRef;
  state: 'pending' | 'failed';
  attempts: number;
  /** Epoch ms before which an automatic retry waits. */
  retryAt?: number;
  /** Why it has not gone yet, in words. Never contains the observation text. */
  reason?: string;
  details?: string[];
  needsSignIn?: boolean;
}

/** The unsaved capture form for one scope, kept so closing the panel loses nothing. */
export interface Draft {
  scope: string;
  text: string;
  evidenceClass: EvidenceClass | '';
  partnerIds: string[];
  lineOfEnquiry: LineOfEnquiry | '';
  source: EvidenceSource;
  savedAt: string;
}

/** Storage for the outbox and drafts: IndexedDB in the browser, memory in tests. */
export interface OutboxStore {
  /** False when nothing survives a reload (no IndexedDB): the panel says so. */
  ready(): Promise<{ persistent: boolean }>;
  /** Every entry, oldest `seq` first. */
  allEntries(): Promise<OutboxEntry[]>;
  putEntry(entry: OutboxEntry): Promise<void>;
  deleteEntry(key: string): Promise<void>;
  getDraft(scope: string): Promise<Draft | undefined>;
  putDraft(draft: Draft): Promise<void>;
  deleteDraft(scope: string): Promise<void>;
}

export type SendResult =
  | { kind: 'sent'; item: ObservationItem | undefined }
  /** Worth trying again by itself: offline, timeout, 408, 429, 5xx. */
  | { kind: 'retry'; reason: string }
  /** Stays pending until the person signs in again. */
  | { kind: 'auth'; reason: string }
  /** The server refused it; it waits for the person to edit or discard it. */
  | { kind: 'failed'; reason: string; details: string[] };

export type Sender = (entry: OutboxEntry) => Promise<SendResult>;
