package org.tandem.contracting;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;

/** The contracts of relationships: drafts, answers, versions in force. */
@Service
public class ContractService {

  /** Who answers a draft. */
  public enum Party {
    CLIENT,
    COACH,
    SPONSOR
  }

  /** What a party answers: sign (client, coach), agree the goals (sponsor), or send it back with a comment. */
  public enum Answer {
    SIGN,
    AGREE,
    SEND_BACK
  }

  private final ContractRepository contracts;
  private final ApplicationEventPublisher events;

  ContractService(ContractRepository contracts, ApplicationEventPublisher events) {
    this.contracts = contracts;
    this.events = events;
  }

  /** The version a new contracting works on. */
  int nextVersion(String relationshipId) {
    return contracts.nextVersion(relationshipId);
  }

  @Transactional
  void saveDraft(String relationshipId, int version, ContractDraft draft, int sessionsBefore, String sponsorId) {
    ContractRules.check(draft);
    contracts.saveDraft(relationshipId, version, draft, sessionsBefore, sponsorId, EngineTime.now());
  }

  /**
   * Records a party's answer to the current draft.
   *
   * @return whether the party signed (or, for the sponsor, agreed the goals)
   */
  @Transactional
  boolean answer(String relationshipId, int version, Party party, String personId, Answer answer, String comment,
      boolean acknowledged) {
    if (answer == null) {
      throw new InvalidInputException("contractAnswer", "Choose whether to sign the contract or send it back.");
    }
    if (answer == Answer.SEND_BACK) {
      if (comment == null) {
        throw new InvalidInputException("contractComment", "Say what should change before you send it back.");
      }
      contracts.comment(relationshipId, version, personId, party.name(), comment, EngineTime.now());
      return false;
    }
    Answer expected = party == Party.SPONSOR ? Answer.AGREE : Answer.SIGN;
    if (answer != expected) {
      throw new InvalidInputException("contractAnswer", "'" + answer + "' is not an answer for the " 
          + party.name().toLowerCase() + ".");
    }
    switch (party) {
      case CLIENT -> {
        if (!acknowledged) {
          throw new InvalidInputException("clientAcknowledgesConfidentiality",
              "Acknowledge the confidentiality terms, their exceptions and the code of ethics before you sign.");
        }
        contracts.clientSigned(relationshipId, version, EngineTime.now());
      }
      case COACH -> contracts.coachSigned(relationshipId, version, EngineTime.now());
      case SPONSOR -> contracts.sponsorAgreed(relationshipId, version, EngineTime.now());
    }
    return true;
  }

  /** CON-6: a version comes into force only once both have signed, and a nominated sponsor has agreed the goals. */
  @Transactional
  void putInForce(String relationshipId, int version) {
    Contract contract = contracts.find(relationshipId, version)
        .orElseThrow(() -> new IllegalStateException("No contract " + relationshipId + " v" + version));
    if (contract.clientSignedAt() == null || contract.coachSignedAt() == null) {
      throw new IllegalStateException("Contract " + relationshipId + " v" + version
          + " cannot come into force before both the coach and the client have signed it");
    }
    if (contract.sponsorId() != null && contract.sponsorAgreedAt() == null) {
      throw new IllegalStateException("Contract " + relationshipId + " v" + version
          + " cannot come into force before the sponsor has agreed the goals");
    }
    contracts.putInForce(relationshipId, version, EngineTime.now());
    events.publishEvent(new ContractInForce(relationshipId, version));
  }

  public Optional<Contract> inForce(String relationshipId) {
    return contracts.inForce(relationshipId);
  }

  public Optional<Contract> version(String relationshipId, int version) {
    return contracts.find(relationshipId, version);
  }

  /** Every version on record, the earliest first (REV-2). */
  public List<Contract> versions(String relationshipId) {
    return contracts.all(relationshipId);
  }

  /** The comments with which a version was sent back, the earliest first. */
  public List<String> comments(String relationshipId, int version) {
    return contracts.comments(relationshipId, version);
  }
}
