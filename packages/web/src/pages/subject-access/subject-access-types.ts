/** The web's mirror of the subject-access shapes (server features/subject-access/subject-access-schemas.ts). */
export type SarStatus = 'received' | 'in_preparation' | 'pack_ready' | 'delivered' | 'withdrawn' | 'refused';
export type Channel = 'in_writing' | 'email' | 'verbally' | 'portal' | 'other';
export type Requester = 'client' | 'representative';
export type IdentityMethod = 'known_to_practice' | 'photo_id' | 'video_call' | 'documents' | 'other';
export type DeliveryMethod = 'secure_download' | 'email_attachment' | 'post' | 'in_person';

interface Person {
  id: string;
  displayName: string;
}

export interface SarSummary {
  id: string;
  client: Person;
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  extended: boolean;
  daysLeft: number;
  overdue: boolean;
  status: SarStatus;
  createdAt: string;
}

export interface SarDetail extends SarSummary {
  channel: Channel;
  requester: Requester;
  representative: string | null;
  identityCheckedOn: string | null;
  identityMethod: IdentityMethod | null;
  notes: string;
  extension: { dueOn: string; reason: string; clientToldOn: string } | null;
  closedReason: string | null;
  closedAt: string | null;
  processNotes: { author: Person; total: number; decided: number; included: number }[];
  packs: {
    id: string;
    version: number;
    sha256: string;
    byteSize: number;
    includedProcessNotes: number;
    preparedAt: string;
    preparedBy: Person;
  }[];
  deliveries: {
    id: string;
    packId: string;
    packVersion: number;
    method: DeliveryMethod;
    deliveredOn: string;
    recordedBy: Person;
    recordedAt: string;
  }[];
}

export interface SarCreate {
  clientId: string;
  receivedOn: string;
  channel: Channel;
  requester: Requester;
  representative?: string | null;
  identityCheckedOn?: string | null;
  identityMethod?: IdentityMethod | null;
  notes?: string;
}

export interface ReviewNote {
  id: string;
  createdAt: string;
  updatedAt: string;
  sessionStartsAt: string | null;
  body: string;
  decision: { include: boolean; reason: string; decidedAt: string } | null;
}

export interface Review {
  requestId: string;
  client: Person;
  receivedOn: string;
  dueOn: string;
  status: SarStatus;
  notes: ReviewNote[];
}
