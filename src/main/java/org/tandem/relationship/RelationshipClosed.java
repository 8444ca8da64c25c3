package org.tandem.relationship;

/** Published, inside the transaction, when a relationship is closed: its coach has one client fewer. */
public record RelationshipClosed(String relationshipId, String coachId) {
}
