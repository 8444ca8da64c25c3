package org.tandem.relationship;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.People;
import org.tandem.identity.Roles;

/** Opens and keeps the record of each relationship. */
@Service
class RelationshipService {

  /** What it takes to open a relationship: a matched pair, the kind, and an optional sponsor. */
  record Pairing(Kind kind, String coachId, String clientId, String sponsorId, String openedBy) {
  }

  private final RelationshipRepository relationships;
  private final People people;

  RelationshipService(RelationshipRepository relationships, People people) {
    this.relationships = relationships;
    this.people = people;
  }

  @Transactional
  Relationship open(Pairing pairing) {
    check(pairing);
    Relationship relationship = new Relationship(relationships.nextId(), pairing.kind(), pairing.coachId(),
        pairing.clientId(), pairing.sponsorId(), Relationship.Status.CONTRACTING, EngineTime.now(),
        pairing.openedBy());
    relationships.insert(relationship);
    return relationship;
  }

  private void check(Pairing pairing) {
    requireRole("coachId", pairing.coachId(), Roles.COACHES, "coach or mentor");
    requireRole("clientId", pairing.clientId(), Roles.CLIENTS, "client");
    if (pairing.coachId().equals(pairing.clientId())) {
      throw new InvalidInputException("clientId", "A person cannot coach or mentor themselves.");
    }
    if (pairing.sponsorId() != null) {
      requireRole("sponsorId", pairing.sponsorId(), Roles.SPONSORS, "sponsor");
      if (pairing.sponsorId().equals(pairing.coachId()) || pairing.sponsorId().equals(pairing.clientId())) {
        throw new InvalidInputException("sponsorId", "The sponsor must be someone other than the coach and the client.");
      }
    }
  }

  private void requireRole(String field, String userId, String role, String roleName) {
    if (userId == null) {
      throw new InvalidInputException(field, "Give the user id of the " + roleName + ".");
    }
    if (people.find(userId).isEmpty()) {
      throw new InvalidInputException(field, "There is no user '" + userId + "'.");
    }
    if (!people.hasRole(userId, role)) {
      throw new InvalidInputException(field, "'" + userId + "' is not registered as a " + roleName + ".");
    }
  }
}
