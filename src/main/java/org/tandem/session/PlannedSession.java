package org.tandem.session;

import java.time.Instant;
import org.tandem.contracting.SessionFormat;

/** A session with an agreed time, not yet held. */
record PlannedSession(String relationshipId, int number, Instant plannedAt, int plannedMinutes,
    SessionFormat format, String location) {
}
