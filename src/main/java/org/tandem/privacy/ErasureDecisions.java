package org.tandem.privacy;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tandem.common.ConflictException;
import org.tandem.common.InvalidInputException;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;
import org.tandem.identity.People;

/**
 * What becomes of an erasure request (DP-1, DP-2): whose data it is about, the checks that keep bad requests out,
 * and the coordinator's decision to erase or to hold it.
 */
@Service
class ErasureDecisions {

  /** The coordinator's choice at {@code Task_VerifyErasure}. */
  enum Decision { ERASE, HOLD }

  /** A request as recorded, with what the coordinator needs to verify it. */
  record Recorded(String requestId, String subject, String subjectName, String raisedByDescription,
      String reasonGiven, String reasonsToHold) {
  }

  private final Erasure erasure;
  private final ErasureRequests requests;
  private final ConsentService consents;
  private final People people;

  ErasureDecisions(Erasure erasure, ErasureRequests requests, ConsentService consents, People people) {
    this.erasure = erasure;
    this.requests = requests;
    this.consents = consents;
    this.people = people;
  }

  /**
   * Records a request (DP-2). A person who withdraws their consent with it stops all processing at once (DP-1).
   */
  Recorded record(String raisedBy, String named, boolean withdraw, String reason) {
    String subject = subjectOf(raisedBy, named, withdraw);
    ErasureRequests.ErasureRequest request;
    try {
      request = erasure.raise(subject, raisedBy, reason);
    } catch (NotFoundException | NotPermittedException | ConflictException refused) {
      throw new InvalidInputException(ErasureVariables.SUBJECT_ID, refused.getMessage());
    }
    String subjectName = people.find(subject).map(People.Person::displayName).orElse(subject);
    if (withdraw) {
      consents.withdraw(subject);
      erasure.stopProcessing(subject);
    }
    return new Recorded(request.id(), subject, subjectName, raisedByDescription(subject, raisedBy),
        reasonGiven(request.reason()), holdsText(erasure.reasonsToHold(subject)));
  }

  /** Applies the coordinator's decision on a request (DP-2): erasing, or held with a reason the person is told. */
  void decide(String requestId, String subject, String decision, boolean identityVerified, String holdReason,
      String decidedBy) {
    Decision chosen = choose(decision, identityVerified, holdReason);
    if (chosen == Decision.ERASE) {
      mayErase(erasure.reasonsToHold(subject));
      requests.erasing(requestId, decidedBy);
    } else {
      requests.held(requestId, decidedBy, holdReason);
    }
  }

  /**
   * DP-2: whose data a request is about: the person who asks, unless a coordinator names someone. DP-1: only the
   * person themselves withdraws their consent.
   */
  static String subjectOf(String raisedBy, String named, boolean withdraw) {
    if (raisedBy == null) {
      throw new InvalidInputException(ErasureVariables.SUBJECT_ID, "Log in to ask for data to be erased.");
    }
    String subject = named == null ? raisedBy : named;
    if (withdraw && !subject.equals(raisedBy)) {
      throw new InvalidInputException(ErasureVariables.WITHDRAW_CONSENT,
          "Only the person themselves withdraws their consent.");
    }
    return subject;
  }

  /**
   * DP-2: erasing needs the person's identity verified; holding needs a reason, which the person is told; there is no
   * third choice.
   */
  static Decision choose(String decision, boolean identityVerified, String holdReason) {
    if ("ERASE".equals(decision)) {
      if (!identityVerified) {
        throw new InvalidInputException(ErasureVariables.IDENTITY_VERIFIED,
            "Verify the identity of the person who asked before erasing their data.");
      }
      return Decision.ERASE;
    }
    if ("HOLD".equals(decision)) {
      if (holdReason == null) {
        throw new InvalidInputException(ErasureVariables.HOLD_REASON,
            "Say why the request is held: the person is told.");
      }
      return Decision.HOLD;
    }
    throw new InvalidInputException(ErasureVariables.ERASURE_DECISION, "Choose to erase the data or to hold the request.");
  }

  /** DP-2, DP-3: data is not erased while there is a reason to hold it. */
  static void mayErase(List<String> holds) {
    if (!holds.isEmpty()) {
      throw new InvalidInputException(ErasureVariables.ERASURE_DECISION, "Hold the request: " + String.join(" ", holds));
    }
  }

  static String raisedByDescription(String subject, String raisedBy) {
    return subject.equals(raisedBy) ? "the person themselves" : "coordinator " + raisedBy + " on their behalf";
  }

  static String reasonGiven(String reason) {
    return reason == null ? "none given" : reason;
  }

  static String holdsText(List<String> holds) {
    return holds.isEmpty() ? "none" : String.join(" ", holds);
  }
}
