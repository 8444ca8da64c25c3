package org.tandem.contracting;

import java.time.Instant;

/**
 * A version of a relationship's contract as it stands on record.
 *
 * @param sessionsBefore sessions held before this version: the sessions it covers are numbered from
 *     {@code sessionsBefore + 1} to {@code sessionsBefore + terms.sessionsAgreed()}
 */
public record Contract(String relationshipId, int version, Status status, ContractDraft terms, int sessionsBefore,
    Instant clientSignedAt, Instant coachSignedAt, String sponsorId, Instant sponsorAgreedAt, Instant inForceAt) {

  /** Where a version stands. */
  public enum Status {
    /** Being drafted, reviewed or signed. */
    DRAFT,
    /** Signed by both (and agreed by the sponsor): the contract the relationship works to. */
    IN_FORCE,
    /** Replaced by a later version after re-contracting; kept on record (REV-2). */
    SUPERSEDED
  }

  /** The number of the last session this version covers. */
  public int lastAgreedSession() {
    return sessionsBefore + terms.sessionsAgreed();
  }
}
