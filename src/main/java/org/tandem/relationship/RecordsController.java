package org.tandem.relationship;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.identity.Callers;
import org.tandem.confidential.ConfidentialRecords;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;

/**
 * A relationship's confidential records over HTTP (SES-2, DP-4..6): the coach and the client read them, every read is
 * logged, the client shares one with someone else if they agree, and coordinators see how many there are and when.
 */
@RestController
@RequestMapping("/api/relationships/{id}/records")
class RecordsController {

  /** Whom to share a record with. */
  record ShareRequest(String with) {
  }

  private final RelationshipService relationships;
  private final ConfidentialRecords records;

  RecordsController(RelationshipService relationships, ConfidentialRecords records) {
    this.relationships = relationships;
    this.records = records;
  }

  /** The records the caller may read, opened; each read is logged (DP-6). */
  @GetMapping
  List<ConfidentialRecords.Entry> read(@PathVariable String id, Authentication caller) {
    return records.read(pair(id), caller.getName());
  }

  /** What the records are about and when they were written, without what they say (DP-5). */
  @GetMapping("/summary")
  List<ConfidentialRecords.Entry> summary(@PathVariable String id, Authentication caller) {
    ConfidentialRecords.Pair pair = pair(id);
    requirePairOrCoordinator(pair, caller);
    return records.summary(pair);
  }

  /** Who read the records, and when (DP-6). */
  @GetMapping("/reads")
  List<ConfidentialRecords.Read> reads(@PathVariable String id, Authentication caller) {
    ConfidentialRecords.Pair pair = pair(id);
    requirePairOrCoordinator(pair, caller);
    return records.reads(id);
  }

  /** DP-4: the client (or a private note's author) shares one record with someone outside the pair. */
  @PostMapping("/{recordId}/shares")
  @ResponseStatus(HttpStatus.CREATED)
  ConfidentialRecords.Share share(@PathVariable String id, @PathVariable long recordId,
      @RequestBody ShareRequest request, Authentication caller) {
    return records.share(pair(id), recordId, caller.getName(), request.with());
  }

  @GetMapping("/{recordId}/shares")
  List<ConfidentialRecords.Share> shares(@PathVariable String id, @PathVariable long recordId,
      Authentication caller) {
    ConfidentialRecords.Pair pair = pair(id);
    if (!pair.coachId().equals(caller.getName()) && !pair.clientId().equals(caller.getName())) {
      throw new NotPermittedException("Only the coach and the client see whom their records are shared with.");
    }
    return records.shares(recordId);
  }

  @DeleteMapping("/{recordId}/shares/{with}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unshare(@PathVariable String id, @PathVariable long recordId, @PathVariable String with,
      Authentication caller) {
    records.unshare(pair(id), recordId, caller.getName(), with);
  }

  private ConfidentialRecords.Pair pair(String id) {
    Relationship relationship = relationships.find(id)
        .orElseThrow(() -> new NotFoundException("There is no relationship " + id + "."));
    return new ConfidentialRecords.Pair(relationship.id(), relationship.coachId(), relationship.clientId());
  }

  private static void requirePairOrCoordinator(ConfidentialRecords.Pair pair, Authentication caller) {
    String name = caller.getName();
    if (!name.equals(pair.coachId()) && !name.equals(pair.clientId()) && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Only the coach, the client and coordinators see what records " + pair.relationshipId()
          + " has.");
    }
  }
}
