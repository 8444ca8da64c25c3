package org.tandem.relationship;

import java.time.Instant;

/**
 * A coaching or mentoring relationship as the product records it; its id is the process's business key. None of it
 * is confidential: coordinators may see it (DP-5).
 */
public record Relationship(String id, Kind kind, String coachId, String clientId, String sponsorId, Status status,
    Instant openedAt, String openedBy, Outcome outcome, EndReason endReason, String endReasonDetails, String endedBy,
    Instant closedAt, boolean rematchAllowed) {

  /** Where a relationship stands. */
  public enum Status {
    /** Matched; the first contract is being agreed. */
    CONTRACTING,
    /** The contract is in force: sessions, reviews, re-contracting. */
    ACTIVE,
    /** Ended, with its outcome. */
    CLOSED
  }

  static Relationship opened(String id, Kind kind, String coachId, String clientId, String sponsorId,
      Instant openedAt, String openedBy) {
    return new Relationship(id, kind, coachId, clientId, sponsorId, Status.CONTRACTING, openedAt, openedBy, null,
        null, null, null, null, false);
  }
}
