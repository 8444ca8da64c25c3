package org.tandem.complaint;

import java.time.Instant;

/** A concern about a coach's conduct and how far it has gone (CMP-1). */
public record Complaint(String id, String coachId, String raisedBy, String raisedByRole, String clientOrganisation,
    String concern, String coachResponse, String hrNotes, Decision decision, String decisionReason, Stage stage,
    Instant raisedAt, Instant closedAt) {

  /** Where a complaint stands. */
  public enum Stage {
    WITH_COACH,
    WITH_HR,
    WITH_LEAD,
    RESOLVED,
    DECIDED
  }

  /** What the coaching lead decides. */
  public enum Decision {
    NO_ACTION,
    SUSPEND,
    REMOVE
  }
}
