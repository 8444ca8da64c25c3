package org.tandem.privacy;

import java.util.List;
import java.util.Set;
import org.tandem.confidential.ConfidentialRecords;

/**
 * What one capability holds about a person, so that the person can have a copy of it and have it erased (DP-2), and
 * so that processing stops when they withdraw their consent (DP-1). Each capability that keeps personal data provides
 * one; {@link SubjectAccess} and {@link Erasure} use them all. Those kept in the product's tables extend
 * {@link PersonalTables}.
 */
public interface PersonalData {

  /** The name of this capability's part of a person's copy, e.g. {@code requests}. */
  String section();

  /**
   * When this capability erases, relative to the others (lowest first): records that refer to others' records go
   * before the records they refer to.
   */
  int erasureOrder();

  /** Everything held about the person, as plain values; an empty list or map when nothing is. */
  Object export(String personId);

  /** Other ways the person is written down here (names, email addresses, phone numbers), to find them anywhere. */
  default Set<String> identifiers(String personId) {
    return Set.of();
  }

  /** The ids of the records about the person here (relationships, requests, complaints): the business keys of their processes. */
  default Set<String> recordKeys(String personId) {
    return Set.of();
  }

  /** The relationships whose confidential records the person shares as coach or client. */
  default List<ConfidentialRecords.Pair> pairs(String personId) {
    return List.of();
  }

  /** Reasons the person's data must be kept for now, e.g. an open complaint; empty when there are none. */
  default List<String> reasonsToHold(String personId) {
    return List.of();
  }

  /**
   * Stops everything running for the person here: nothing more is done with their data (consent withdrawn).
   *
   * @return the business keys whose processes are to stop; the caller stops them, each once
   */
  default Set<String> stopProcessing(String personId) {
    return Set.of();
  }

  /**
   * Erases or irreversibly anonymises what is held about the person. Where a record must stay for someone else (the
   * other party of a relationship, a complaint's outcome), the person's id in it becomes {@code pseudonym}, which
   * leads to no one.
   */
  void erase(String personId, String pseudonym);

  /**
   * DP-3: disposes of the records whose retention period is over: those of relationships closed, and of other
   * business finished, before {@code cutoff}. Runs in {@link #erasureOrder()} too, so that records go before what
   * they refer to. Answers how many records went.
   */
  default int disposeOfExpired(java.time.Instant cutoff) {
    return 0;
  }
}
