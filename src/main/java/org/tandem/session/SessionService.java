package org.tandem.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.LifecycleSettings;
import org.tandem.contracting.Contract;
import org.tandem.contracting.ContractService;

/** Plans, moves and records the sessions of relationships. */
@Service
public class SessionService {

  /** The outcome of a cancellation or move: whether it was late, and when the moved session is overdue. */
  public record Change(boolean late, Instant movedTo, Instant recordDueBy) {
  }

  private final SessionRepository sessions;
  private final ContractService contracts;
  private final LifecycleSettings settings;
  private final ApplicationEventPublisher events;

  SessionService(SessionRepository sessions, ContractService contracts, LifecycleSettings settings,
      ApplicationEventPublisher events) {
    this.sessions = sessions;
    this.contracts = contracts;
    this.settings = settings;
    this.events = events;
  }

  /**
   * The agreed time of a session: arranged at the previous session, or the first session of the contract in force.
   * Empty when none was agreed; then the coach arranges it.
   */
  @Transactional
  public Optional<PlannedSession> agreed(String relationshipId, int number) {
    Optional<PlannedSession> planned = sessions.planned(relationshipId, number);
    if (planned.isPresent()) {
      return planned;
    }
    Contract contract = inForce(relationshipId);
    if (contract.terms().firstSession() != null && number == contract.sessionsBefore() + 1
        && !sessions.exists(relationshipId, number)) {
      PlannedSession first = new PlannedSession(relationshipId, number,
          contract.terms().firstSession().atZone(settings.zone()).toInstant(), contract.terms().sessionMinutes(),
          contract.terms().format(), contract.terms().location());
      scheduled(first, sessions.plan(first), null);
      return Optional.of(first);
    }
    return Optional.empty();
  }

  /** The coach arranges a session whose time was not agreed yet. */
  @Transactional
  public PlannedSession arrange(String relationshipId, int number, LocalDateTime at) {
    Contract contract = inForce(relationshipId);
    Instant plannedAt = at.atZone(settings.zone()).toInstant();
    if (!plannedAt.isAfter(EngineTime.now())) {
      throw new InvalidInputException("plannedDate", "Arrange the session for a time still to come.");
    }
    PlannedSession session = new PlannedSession(relationshipId, number, plannedAt,
        contract.terms().sessionMinutes(), contract.terms().format(), contract.terms().location());
    scheduled(session, sessions.plan(session), null);
    return session;
  }

  public Instant recordDueBy(PlannedSession session) {
    return SessionRules.recordDueBy(session.plannedAt(), session.plannedMinutes(), settings.gracePeriod());
  }

  /**
   * SES-1: the coach records a session held under the contract in force, and may agree the date of the next one.
   * The hours follow from the start and end time.
   */
  @Transactional
  public SessionRecord record(String relationshipId, SessionRecord submitted, String coachId,
      LocalDateTime nextSession) {
    Contract contract = inForce(relationshipId);
    SessionRules.checkHeldOn(submitted.heldOn(), LocalDate.ofInstant(EngineTime.now(), settings.zone()));
    BigDecimal hours = SessionRules.hours(submitted.startsAt(), submitted.endsAt());
    SessionRecord record = new SessionRecord(submitted.number(), submitted.heldOn(), submitted.startsAt(),
        submitted.endsAt(), hours, submitted.format(), submitted.location());
    if (!sessions.exists(relationshipId, record.number())) {
      sessions.plan(new PlannedSession(relationshipId, record.number(),
          record.heldOn().atTime(record.startsAt()).atZone(settings.zone()).toInstant(),
          contract.terms().sessionMinutes(), record.format(), record.location()));
    }
    sessions.held(relationshipId, record, coachId, EngineTime.now());
    if (nextSession != null) {
      Instant next = nextSession.atZone(settings.zone()).toInstant();
      if (!next.isAfter(EngineTime.now())) {
        throw new InvalidInputException("nextSessionDate", "The next session must be in the future.");
      }
      PlannedSession following = new PlannedSession(relationshipId, record.number() + 1, next,
          contract.terms().sessionMinutes(), record.format(), record.location());
      scheduled(following, sessions.plan(following), null);
    }
    return record;
  }

  /**
   * SES-4: either party cancels or moves a planned session and arranges its new time; with less notice than the
   * contract's notice period, the change is recorded as late, with who made it.
   */
  @Transactional
  public Change change(String relationshipId, int number, String personId, String role, LocalDateTime newTime) {
    Contract contract = inForce(relationshipId);
    PlannedSession planned = sessions.planned(relationshipId, number)
        .orElseThrow(() -> new InvalidInputException("newDate", "Session " + number + " is not planned."));
    Instant now = EngineTime.now();
    if (newTime == null) {
      throw new InvalidInputException("newDate",
          "Give the new date and time: whoever cancels a session arranges the new one.");
    }
    Instant movedTo = newTime.atZone(settings.zone()).toInstant();
    if (!movedTo.isAfter(now)) {
      throw new InvalidInputException("newDate", "The new time must be in the future.");
    }
    boolean late = SessionRules.late(now, planned.plannedAt(), contract.terms().noticeHours());
    sessions.changed(relationshipId, number, personId, role, now, planned.plannedAt(), movedTo,
        Duration.between(now, planned.plannedAt()).toMinutes(), late);
    scheduled(new PlannedSession(relationshipId, number, movedTo, planned.plannedMinutes(), planned.format(),
        planned.location()), true, planned.plannedAt());
    return new Change(late, movedTo, SessionRules.recordDueBy(movedTo, planned.plannedMinutes(),
        settings.gracePeriod()));
  }

  /**
   * SES-4: the relationship has closed; the sessions still planned will not be held, and their calendar invitations
   * are cancelled.
   */
  @Transactional
  public void cancelPlanned(String relationshipId) {
    String[] parties = sessions.parties(relationshipId);
    for (PlannedSession session : sessions.cancelPlanned(relationshipId)) {
      events.publishEvent(new SessionScheduled(relationshipId, session.number(), parties[0], parties[1],
          session.plannedAt(), null, session.plannedMinutes(), formatName(session), session.location(),
          sessions.calendarSequence(relationshipId, session.number()) + 1, true));
    }
  }

  /** Tells whoever sends calendar invitations that a session is planned, or planned anew. */
  private void scheduled(PlannedSession session, boolean moved, Instant previousStart) {
    String[] parties = sessions.parties(session.relationshipId());
    events.publishEvent(new SessionScheduled(session.relationshipId(), session.number(), parties[0], parties[1],
        session.plannedAt(), moved ? previousStart : null, session.plannedMinutes(), formatName(session),
        session.location(), sessions.calendarSequence(session.relationshipId(), session.number()), false));
  }

  private static String formatName(PlannedSession session) {
    return session.format() == null ? null : session.format().name();
  }

  public int held(String relationshipId) {
    return sessions.heldCount(relationshipId);
  }

  /** REG-4: the hours a coach held in recorded sessions between two dates (the second excluded). */
  public BigDecimal hoursHeld(String coachId, LocalDate from, LocalDate to) {
    return sessions.hoursHeld(coachId, from, to);
  }

  /** REG-4: the hours each coach held in recorded sessions between two dates (the second excluded). */
  public java.util.Map<String, BigDecimal> hoursHeldByCoach(LocalDate from, LocalDate to) {
    return sessions.hoursHeldByCoach(from, to);
  }

  private Contract inForce(String relationshipId) {
    return contracts.inForce(relationshipId).orElseThrow(() -> new InvalidInputException(
        SessionVariables.RELATIONSHIP_ID,
        "Relationship " + relationshipId + " has no contract in force yet: sessions start once both have signed it."));
  }
}
