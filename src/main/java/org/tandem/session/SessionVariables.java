package org.tandem.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.tandem.common.ProcessVariables;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.SessionFormat;

/** The variables of the {@code session} process and the keys of its forms. */
record SessionVariables(VariableScope scope) implements ProcessVariables {

  static final String SESSION_NUMBER = "sessionNumber";
  static final String DATE_AGREED = "dateAgreed";
  static final String RECORD_DUE_BY = "recordDueBy";
  static final String PLANNED_AT = "plannedAt";
  static final String PLANNED_DATE = "plannedDate";
  static final String PLANNED_TIME = "plannedTime";
  static final String HELD_ON = "heldOn";
  static final String START_TIME = "startTime";
  static final String END_TIME = "endTime";
  static final String SESSION_FORMAT = "sessionFormat";
  static final String LOCATION = "location";
  static final String GOALS_CHANGED = "goalsChanged";
  static final String NEXT_SESSION_DATE = "nextSessionDate";
  static final String NEXT_SESSION_TIME = "nextSessionTime";
  static final String NEW_DATE = "newDate";
  static final String NEW_TIME = "newTime";
  static final String CHANGED_BY_ROLE = "changedByRole";
  static final String LAST_CHANGE_LATE = "lastChangeLate";
  static final String PLANNED_AT_TEXT = "plannedAtText";
  private static final java.time.format.DateTimeFormatter READABLE =
      java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", java.util.Locale.UK);

  int number() {
    return values().requiredInteger(SESSION_NUMBER, "The session number", 1, Integer.MAX_VALUE);
  }

  /** The agreed time, the timer of the grace period, and the record form's defaults. */
  void planned(PlannedSession session, Instant recordDueBy, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(session.plannedAt(), zone);
    scope.setVariable(DATE_AGREED, true);
    scope.setVariable(PLANNED_AT, session.plannedAt().toString());
    scope.setVariable(PLANNED_AT_TEXT, READABLE.format(local));
    scope.setVariable(RECORD_DUE_BY, recordDueBy.toString());
    scope.setVariable(HELD_ON, local.toLocalDate().toString());
    scope.setVariable(START_TIME, local.toLocalTime().toString());
    scope.setVariable(END_TIME, local.toLocalTime().plusMinutes(session.plannedMinutes()).toString());
    if (session.format() != null) {
      scope.setVariable(SESSION_FORMAT, session.format().name());
    }
    if (session.location() != null) {
      scope.setVariable(LOCATION, session.location());
    }
  }

  void notAgreed() {
    scope.setVariable(DATE_AGREED, false);
  }

  LocalDateTime arrangedAt() {
    return values().requiredDate(PLANNED_DATE, "The date of the session")
        .atTime(values().requiredTime(PLANNED_TIME, "The time of the session"));
  }

  SessionRecord record() {
    return new SessionRecord(number(),
        values().requiredDate(HELD_ON, "The date of the session"),
        values().requiredTime(START_TIME, "The start time"),
        values().requiredTime(END_TIME, "The end time"),
        null,
        values().requiredChoice(SESSION_FORMAT, "the format of the session", SessionFormat.class),
        values().requiredText(LOCATION, "The location or platform", 200));
  }

  LocalDateTime nextSession() {
    LocalDate date = values().optionalDate(NEXT_SESSION_DATE, "The date of the next session");
    LocalTime time = values().optionalTime(NEXT_SESSION_TIME, "The time of the next session");
    if (date == null && time == null) {
      return null;
    }
    if (date == null || time == null) {
      throw new InvalidInputException(date == null ? NEXT_SESSION_DATE : NEXT_SESSION_TIME,
          "Give both the date and the time of the next session, or neither.");
    }
    return date.atTime(time);
  }

  /** Whether the record asks to re-contract because the goals changed (REV-2); asked afresh at each session. */
  boolean goalsChanged() {
    return values().flag(GOALS_CHANGED);
  }

  void goalsChanged(boolean changed) {
    scope.setVariable(GOALS_CHANGED, changed);
  }

  LocalDateTime movedTo() {
    LocalDate date = values().optionalDate(NEW_DATE, "The new date");
    LocalTime time = values().optionalTime(NEW_TIME, "The new time");
    if (date == null || time == null) {
      return null;
    }
    return date.atTime(time);
  }

  String changedByRole() {
    return values().text(CHANGED_BY_ROLE);
  }

  void changed(boolean late, Instant recordDueBy) {
    scope.setVariable(LAST_CHANGE_LATE, late);
    scope.setVariable(RECORD_DUE_BY, recordDueBy.toString());
    scope.removeVariable(NEW_DATE);
    scope.removeVariable(NEW_TIME);
  }
}
