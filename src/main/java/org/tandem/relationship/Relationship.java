package org.tandem.relationship;

import java.time.Instant;

/** A coaching or mentoring relationship as the product records it; its id is the process's business key. */
record Relationship(String id, Kind kind, String coachId, String clientId, String sponsorId, Status status,
    Instant openedAt, String openedBy) {

  enum Status {
    /** Matched; the contract is being agreed. */
    CONTRACTING
  }
}
