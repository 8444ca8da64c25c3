package org.tandem.relationship;

import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.NotPermittedException;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;

/** The relationship lifecycle over HTTP, for the coach and the client of a relationship. */
@RestController
@RequestMapping("/api/relationships")
class RelationshipController {

  /**
   * @param reason one of END-1's reasons, e.g. {@code CONFLICT_OF_INTEREST}
   * @param details required when the reason is {@code OTHER}
   * @param note optional, confidential between coach and client
   */
  record EndingRequest(String reason, String details, String note) {
  }

  /** What anyone involved may know of a relationship: no confidential content. */
  record RelationshipView(String id, Kind kind, Relationship.Status status, String sponsorId, Outcome outcome,
      EndReason endReason, String endedBy, Instant closedAt) {

    static RelationshipView of(Relationship relationship) {
      return new RelationshipView(relationship.id(), relationship.kind(), relationship.status(),
          relationship.sponsorId(), relationship.outcome(), relationship.endReason(), relationship.endedBy(), relationship.closedAt());
    }
  }

  /**
   * @param sponsorId the new sponsor's user id
   * @param reason why the sponsor changes, kept with the change
   */
  record SponsorChange(String sponsorId, String reason) {
  }

  private final RelationshipProcess process;

  RelationshipController(RelationshipProcess process) {
    this.process = process;
  }

  /** A new sponsor, named by a coordinator or an administrator with the reason; the change is kept. */
  @PutMapping("/{id}/sponsor")
  RelationshipView changeSponsor(@PathVariable String id, @RequestBody SponsorChange request, Authentication caller) {
    if (!Callers.isCoordinator(caller) && !Callers.hasRole(caller, Roles.ADMINS)) {
      throw new NotPermittedException("Only coordinators and administrators change a relationship's sponsor.");
    }
    return RelationshipView.of(process.changeSponsor(id, request.sponsorId(), request.reason(), caller.getName()));
  }

  /** END-1: ends the relationship early, as the coach's or the client's standing task in Tasklist does. */
  @PostMapping("/{id}/ending")
  RelationshipView endEarly(@PathVariable String id, @RequestBody EndingRequest request, Authentication caller) {
    return RelationshipView.of(process.endEarly(id, caller.getName(), request.reason(), request.details(),
        request.note()));
  }
}
