package org.tandem.relationship;

import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.LifecycleSettings;
import org.tandem.contracting.Contract;
import org.tandem.contracting.ContractInForce;
import org.tandem.contracting.ContractService;
import org.tandem.identity.People;
import org.tandem.identity.Roles;
import org.tandem.session.SessionService;
import org.tandem.common.NotFoundException;
import org.tandem.common.ConflictException;

/** Opens relationships, keeps their decisions and outcome, and closes them. */
@Service
class RelationshipService {

  /** What it takes to open a relationship: a matched pair, the kind, and an optional sponsor. */
  public record Pairing(Kind kind, String coachId, String clientId, String sponsorId, String openedBy) {
  }

  /** One party's decision after the first meeting or at a review. */
  record PartyDecision(String role, String personId, String decision) {
  }

  static final String GO = "YES";
  static final String STOP = "NO";
  static final String CONTINUE = "CONTINUE";
  static final String CONCLUDE = "CONCLUDE";

  private final RelationshipRepository relationships;
  private final DecisionRepository decisions;
  private final ContractService contracts;
  private final SessionService sessions;
  private final People people;
  private final LifecycleSettings settings;
  private final org.springframework.context.ApplicationEventPublisher events;

  RelationshipService(RelationshipRepository relationships, DecisionRepository decisions, ContractService contracts,
      SessionService sessions, People people, LifecycleSettings settings,
      org.springframework.context.ApplicationEventPublisher events) {
    this.relationships = relationships;
    this.decisions = decisions;
    this.contracts = contracts;
    this.sessions = sessions;
    this.people = people;
    this.settings = settings;
    this.events = events;
  }

  @Transactional
  Relationship open(Pairing pairing) {
    check(pairing);
    Relationship relationship = Relationship.opened(relationships.nextId(), pairing.kind(), pairing.coachId(),
        pairing.clientId(), pairing.sponsorId(), EngineTime.now(), pairing.openedBy());
    relationships.insert(relationship);
    events.publishEvent(new RelationshipOpened(relationship.id(), relationship.coachId()));
    return relationship;
  }

  public Optional<Relationship> find(String id) {
    return relationships.find(id);
  }

  @EventListener
  void contractInForce(ContractInForce event) {
    relationships.find(event.relationshipId())
        .filter(relationship -> relationship.status() == Relationship.Status.CONTRACTING)
        .ifPresent(relationship -> relationships.status(relationship.id(), Relationship.Status.ACTIVE));
  }

  /** What falls due after the session just recorded. */
  SessionPolicy.AfterSession afterSession(String relationshipId) {
    Contract contract = contracts.inForce(relationshipId).orElseThrow();
    int firstContractSessions = contracts.version(relationshipId, 1).orElse(contract).terms().sessionsAgreed();
    return SessionPolicy.after(sessions.held(relationshipId), firstContractSessions, contract.lastAgreedSession(),
        settings.reviewEvery(), relationships.middleEvaluationsDone(relationshipId),
        decisions.firstMeetingDecided(relationshipId));
  }

  void middleEvaluationsInvited(String relationshipId) {
    relationships.markMiddleEvaluationsDone(relationshipId);
  }

  /** GO-1: both decided to go on. */
  @Transactional
  void goOn(String relationshipId, List<PartyDecision> both) {
    both.forEach(decision -> decisions.record(relationshipId, new DecisionRepository.Decision(
        DecisionRepository.Occasion.FIRST_MEETING, 1, decision.role(), decision.personId(), decision.decision()),
        EngineTime.now()));
  }

  /**
   * GO-1: one of them decided not to go on. It ends here, on a no-fault basis, with the reason kept, and the client
   * may be matched again.
   */
  @Transactional
  void stopAfterFirstMeeting(String relationshipId, List<PartyDecision> decided, EndReason reason, String details) {
    Relationship relationship = existing(relationshipId);
    PartyDecision stopper = decided.stream().filter(decision -> STOP.equals(decision.decision())).findFirst()
        .orElseThrow(() -> new IllegalStateException("No one decided to stop " + relationshipId));
    checkReason("stopReason", reason, details, relationship.kind());
    decided.forEach(decision -> decisions.record(relationshipId, new DecisionRepository.Decision(
        DecisionRepository.Occasion.FIRST_MEETING, 1, decision.role(), decision.personId(), decision.decision()),
        EngineTime.now()));
    relationships.outcome(relationshipId, Outcome.STOPPED_AT_FIRST_MEETING, reason, details, stopper.personId(),
        true);
  }

  /**
   * REV-1: coach and client each decide; they continue only if both want to, and either may conclude.
   *
   * @return whether they continue (which means re-contracting, REV-2)
   */
  @Transactional
  boolean review(String relationshipId, int afterSession, List<PartyDecision> both) {
    for (PartyDecision decision : both) {
      if (!CONTINUE.equals(decision.decision()) && !CONCLUDE.equals(decision.decision())) {
        throw new InvalidInputException("reviewDecision", "Choose whether to continue or to conclude.");
      }
      decisions.record(relationshipId, new DecisionRepository.Decision(DecisionRepository.Occasion.REVIEW,
          afterSession, decision.role(), decision.personId(), decision.decision()), EngineTime.now());
    }
    boolean continueTogether = both.stream().allMatch(decision -> CONTINUE.equals(decision.decision()));
    if (!continueTogether) {
      relationships.outcome(relationshipId, Outcome.COMPLETED, null, null,
          both.stream().filter(d -> CONCLUDE.equals(d.decision())).findFirst().orElseThrow().personId(), false);
    }
    return continueTogether;
  }

  /** END-1, END-2: either party ends it early, with one of the reasons open to its kind. */
  @Transactional
  void endEarly(String relationshipId, String personId, EndReason reason, String details) {
    Relationship relationship = existing(relationshipId);
    checkReason("endReason", reason, details, relationship.kind());
    relationships.outcome(relationshipId, Outcome.ENDED_EARLY, reason, details, personId, false);
  }

  /** DP-1: the coach or the client withdrew their consent; the relationship ends now as withdrawn, and closes. */
  @Transactional
  void withdraw(String relationshipId, String personId) {
    Relationship relationship = existing(relationshipId);
    relationships.outcome(relationshipId, Outcome.WITHDRAWN, null, null, personId,
        personId.equals(relationship.coachId()));
    close(relationshipId);
  }

  @Transactional
  Relationship close(String relationshipId) {
    Relationship relationship = existing(relationshipId);
    if (relationship.outcome() == null) {
      throw new IllegalStateException("Relationship " + relationshipId + " cannot close without an outcome");
    }
    relationships.closed(relationshipId, EngineTime.now());
    sessions.cancelPlanned(relationshipId);
    events.publishEvent(new RelationshipClosed(relationshipId, relationship.coachId()));
    return relationships.find(relationshipId).orElseThrow();
  }

  List<DecisionRepository.Decision> decisions(String relationshipId) {
    return decisions.of(relationshipId);
  }

  private Relationship existing(String relationshipId) {
    return relationships.find(relationshipId)
        .orElseThrow(() -> new IllegalStateException("No relationship " + relationshipId));
  }

  private static void checkReason(String field, EndReason reason, String details, Kind kind) {
    if (reason == null) {
      throw new InvalidInputException(field, "Choose the reason.");
    }
    if (!reason.appliesTo(kind)) {
      throw new InvalidInputException(field, "'" + reason.label() + "' is a reason for mentoring only.");
    }
    if (reason == EndReason.OTHER && details == null) {
      throw new InvalidInputException(field + "Other", "Describe the other reason.");
    }
  }

  /**
   * A new sponsor for a relationship that is still running, checked as at its start; the change is kept with who
   * made it and why. Answers the sponsor it had.
   */
  @org.springframework.transaction.annotation.Transactional
  public String changeSponsor(String relationshipId, String sponsorId, String reason, String changedBy) {
    Relationship relationship = find(relationshipId)
        .orElseThrow(() -> new org.tandem.common.NotFoundException("There is no relationship " + relationshipId + "."));
    if (relationship.status() == Relationship.Status.CLOSED) {
      throw new org.tandem.common.ConflictException("Relationship " + relationshipId + " has closed; its sponsor stays "
          + "on record as it was.");
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 1000) {
      throw new InvalidInputException("reason", why.isEmpty() ? "Say why the sponsor changes."
          : "The reason is too long: at most 1000 characters.");
    }
    if (sponsorId == null || sponsorId.isBlank()) {
      throw new InvalidInputException(RelationshipVariables.SPONSOR_ID, "Give the user id of the new sponsor.");
    }
    check(new Pairing(relationship.kind(), relationship.coachId(), relationship.clientId(), sponsorId.trim(), null));
    if (sponsorId.trim().equals(relationship.sponsorId())) {
      throw new InvalidInputException(RelationshipVariables.SPONSOR_ID, sponsorId.trim() + " is the sponsor already.");
    }
    relationships.sponsor(relationshipId, relationship.sponsorId(), sponsorId.trim(), why, changedBy, EngineTime.now());
    return relationship.sponsorId();
  }

  private void check(Pairing pairing) {
    requireRole(RelationshipVariables.COACH_ID, pairing.coachId(), Roles.COACHES, "coach or mentor");
    requireRole(RelationshipVariables.CLIENT_ID, pairing.clientId(), Roles.CLIENTS, "client");
    if (pairing.coachId().equals(pairing.clientId())) {
      throw new InvalidInputException(RelationshipVariables.CLIENT_ID, "A person cannot coach or mentor themselves.");
    }
    if (pairing.sponsorId() != null) {
      requireRole(RelationshipVariables.SPONSOR_ID, pairing.sponsorId(), Roles.SPONSORS, "sponsor");
      if (pairing.sponsorId().equals(pairing.coachId()) || pairing.sponsorId().equals(pairing.clientId())) {
        throw new InvalidInputException(RelationshipVariables.SPONSOR_ID,
            "The sponsor must be someone other than the coach and the client.");
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
