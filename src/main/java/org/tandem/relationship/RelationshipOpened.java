package org.tandem.relationship;

/** Published, inside the transaction, when a relationship is opened: its coach has one more client. */
public record RelationshipOpened(String relationshipId, String coachId) {
}
