package org.tandem.matching;

import java.time.Instant;
import java.util.Set;
import org.tandem.contracting.SessionFormat;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;

/**
 * A client's request for coaching or mentoring (MAT-1).
 *
 * @param lineManagers the people in the client's line of management, never matched with them (MAT-2)
 */
record CoachingRequest(String id, String clientId, Kind kind, String developmentNeed, String draftGoals,
    SessionFormat preferredFormat, String preferredLocation, Specialism preferredSpecialism, String organisation,
    String sponsorId, Set<String> lineManagers, Status status, int failedAttempts, String relationshipId,
    Instant createdAt) {

  /** Where a request stands. */
  public enum Status {
    /** Looking for a coach: shortlist, choice, the coach's answer. */
    OPEN,
    /** A coordinator is matching it by hand. */
    WITH_COORDINATOR,
    /** A coach accepted; the relationship has started. */
    MATCHED,
    /** The client withdrew their consent: nothing more is done with it (DP-1). */
    WITHDRAWN
  }
}
