package org.tandem.session;

import java.time.Instant;

/**
 * Published, inside the transaction, when a session is planned, moved or cancelled: what its calendar invitation
 * says (CON-1, SES-4).
 *
 * @param previousStart where a moved session was planned before; null for a new or cancelled one
 * @param sequence the invitation's revision: 0 when planned, one more at each move
 * @param format the session's format (VIRTUAL, HYBRID, IN_PERSON), if the contract gives one
 * @param location the location or platform, if given
 */
public record SessionScheduled(String relationshipId, int number, String coachId, String clientId, Instant start,
    Instant previousStart, int minutes, String format, String location, int sequence, boolean cancelled) {
}
