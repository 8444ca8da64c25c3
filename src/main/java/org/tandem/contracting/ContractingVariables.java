package org.tandem.contracting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.tandem.common.FormValues;
import org.tandem.common.ProcessVariables;

/**
 * The variables of the {@code contracting} process. The draft's fields are the working copy the forms show and edit
 * (their keys are the form fields' keys); the record of each version is in the product's tables.
 */
record ContractingVariables(VariableScope scope) implements ProcessVariables {

  static final String SESSIONS_HELD = "sessionsHeld";
  static final String CONTRACT_VERSION = "contractVersion";
  static final String START_DATE = "startDate";
  static final String PLANNED_END_DATE = "plannedEndDate";
  static final String ANTICIPATED_MONTHS = "anticipatedMonths";
  static final String SESSIONS_AGREED = "sessionsAgreed";
  static final String FREQUENCY = "frequency";
  static final String PLANNED_DATES = "plannedDates";
  static final String FIRST_SESSION_DATE = "firstSessionDate";
  static final String FIRST_SESSION_TIME = "firstSessionTime";
  static final String SESSION_MINUTES = "sessionMinutes";
  static final String SESSION_FORMAT = "sessionFormat";
  static final String LOCATION = "location";
  static final String CAMERAS_AGREED = "camerasAgreed";
  static final String GOALS = "goals";
  static final String GOAL_DESCRIPTION = "description";
  static final String GOAL_SUCCESS = "successMeasure";
  static final String GOAL_MOST_IMPORTANT = "mostImportant";
  static final String WHY_CHOSEN = "whyChosen";
  static final String ORGANISATION_BENEFITS = "organisationBenefits";
  static final String COACH_EXPECTATIONS = "coachExpectations";
  static final String CLIENT_EXPECTATIONS = "clientExpectations";
  static final String NOTICE_HOURS = "noticeHours";
  static final String COACH_ACK_CONFIDENTIALITY = "acknowledgesConfidentiality";
  static final String COACH_ACK_ETHICS = "acknowledgesEthics";
  static final String RECORD_KEEPING = "recordKeepingAgreed";
  static final String CLIENT_ACK_CONFIDENTIALITY = "clientAcknowledgesConfidentiality";
  static final String CLIENT_ACK_ETHICS = "clientAcknowledgesEthics";
  static final String ANSWER = "contractAnswer";
  static final String COMMENT = "contractComment";
  static final String SIGNED = "contractSigned";
  static final String LAST_COMMENT = "lastComment";
  static final String ANSWERED_BY = "answeredBy";
  static final String SUMMARY = "contractSummary";

  int sessionsHeld() {
    Integer held = values().optionalInteger(SESSIONS_HELD, "Sessions held");
    return held == null ? 0 : held;
  }

  int version() {
    return values().requiredInteger(CONTRACT_VERSION, "Contract version", 1, Integer.MAX_VALUE);
  }

  void version(int version) {
    scope.setVariable(CONTRACT_VERSION, version);
  }

  /** Reads the draft as the coach submitted it; a field that cannot be read is refused with its name. */
  ContractDraft draft(int defaultNoticeHours) {
    LocalDate firstDate = values().optionalDate(FIRST_SESSION_DATE, "The date of the first session");
    LocalTime firstTime = values().optionalTime(FIRST_SESSION_TIME, "The time of the first session");
    if (firstDate != null && firstTime == null) {
      throw new org.tandem.common.InvalidInputException(FIRST_SESSION_TIME,
          "Give the time of the first session, or leave its date empty to arrange it later.");
    }
    Integer notice = values().optionalInteger(NOTICE_HOURS, "The notice period");
    int noticeHours = notice == null ? defaultNoticeHours : notice;
    if (noticeHours < 1 || noticeHours > 168) {
      throw new org.tandem.common.InvalidInputException(NOTICE_HOURS,
          "The notice period must be between 1 and 168 hours, not " + noticeHours + ".");
    }
    return new ContractDraft(
        values().requiredDate(START_DATE, "The start date"),
        values().optionalDate(PLANNED_END_DATE, "The planned end date"),
        values().optionalInteger(ANTICIPATED_MONTHS, "The anticipated months"),
        values().requiredInteger(SESSIONS_AGREED, "The number of sessions agreed", Integer.MIN_VALUE, Integer.MAX_VALUE),
        values().requiredText(FREQUENCY, "The frequency of sessions", 200),
        values().optionalText(PLANNED_DATES, "The planned dates", 1000),
        firstDate == null ? null : firstDate.atTime(firstTime),
        values().requiredInteger(SESSION_MINUTES, "The length of a session (minutes)", 30, 240),
        values().requiredChoice(SESSION_FORMAT, "the format of the sessions", SessionFormat.class),
        values().requiredText(LOCATION, "The location or platform", 200),
        values().flag(CAMERAS_AGREED),
        goals(),
        values().requiredText(WHY_CHOSEN, "Why coaching or mentoring was chosen", 4000),
        values().requiredText(ORGANISATION_BENEFITS, "The benefits to the organisation", 4000),
        values().requiredText(COACH_EXPECTATIONS, "The coach's expectations", 4000),
        values().requiredText(CLIENT_EXPECTATIONS, "The client's expectations", 4000),
        noticeHours,
        values().flag(COACH_ACK_CONFIDENTIALITY),
        values().flag(COACH_ACK_ETHICS),
        values().flag(RECORD_KEEPING));
  }

  private List<Goal> goals() {
    List<Goal> goals = new ArrayList<>();
    for (Map<String, Object> item : values().list(GOALS)) {
      FormValues goal = FormValues.of(item);
      String description = goal.optionalText(GOAL_DESCRIPTION, "A goal", 2000);
      String success = goal.optionalText(GOAL_SUCCESS, "What success looks like", 2000);
      if (description == null && success == null) {
        continue;
      }
      goals.add(new Goal(description, success, goal.flag(GOAL_MOST_IMPORTANT)));
    }
    return goals;
  }

  /** Fills the working copy from a version on record, so that re-contracting starts from the contract in force. */
  void draft(Contract contract) {
    ContractDraft terms = contract.terms();
    scope.setVariable(START_DATE, terms.startDate().toString());
    scope.setVariable(PLANNED_END_DATE, terms.plannedEndDate() == null ? null : terms.plannedEndDate().toString());
    scope.setVariable(ANTICIPATED_MONTHS, terms.anticipatedMonths());
    scope.setVariable(SESSIONS_AGREED, terms.sessionsAgreed());
    scope.setVariable(FREQUENCY, terms.frequency());
    scope.setVariable(PLANNED_DATES, terms.plannedDates());
    scope.setVariable(SESSION_MINUTES, terms.sessionMinutes());
    scope.setVariable(SESSION_FORMAT, terms.format().name());
    scope.setVariable(LOCATION, terms.location());
    scope.setVariable(CAMERAS_AGREED, terms.camerasAgreed());
    List<Map<String, Object>> goals = new ArrayList<>();
    for (Goal goal : terms.goals()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(GOAL_DESCRIPTION, goal.description());
      item.put(GOAL_SUCCESS, goal.successMeasure());
      item.put(GOAL_MOST_IMPORTANT, goal.mostImportant());
      goals.add(item);
    }
    scope.setVariable(GOALS, Spin.JSON(goals));
    scope.setVariable(WHY_CHOSEN, terms.whyChosen());
    scope.setVariable(ORGANISATION_BENEFITS, terms.organisationBenefits());
    scope.setVariable(COACH_EXPECTATIONS, terms.coachExpectations());
    scope.setVariable(CLIENT_EXPECTATIONS, terms.clientExpectations());
    scope.setVariable(NOTICE_HOURS, terms.noticeHours());
  }

  /** What the client, the coach and the sponsor read before they answer. */
  void summary(ContractDraft draft) {
    scope.setVariable(SUMMARY, ContractSummary.markdown(draft));
  }

  void defaults(int noticeHours, int sessionMinutes) {
    scope.setVariable(NOTICE_HOURS, noticeHours);
    scope.setVariable(SESSION_MINUTES, sessionMinutes);
  }

  /** Acknowledgements and answers are asked afresh for every draft: they are consumed once recorded. */
  void clearAcknowledgements() {
    for (String name : List.of(COACH_ACK_CONFIDENTIALITY, COACH_ACK_ETHICS, RECORD_KEEPING,
        CLIENT_ACK_CONFIDENTIALITY, CLIENT_ACK_ETHICS)) {
      scope.removeVariable(name);
    }
  }

  ContractService.Party answeredBy() {
    return values().requiredChoice(ANSWERED_BY, "who answered", ContractService.Party.class);
  }

  ContractService.Answer answer() {
    return values().optionalChoice(ANSWER, "your answer", ContractService.Answer.class);
  }

  String comment() {
    return values().optionalText(COMMENT, "Your comment", 4000);
  }

  boolean clientAcknowledged() {
    return values().flag(CLIENT_ACK_CONFIDENTIALITY) && values().flag(CLIENT_ACK_ETHICS);
  }

  /** Who answers for the party: the client, the coach or the sponsor of the relationship. */
  String person(ContractService.Party party) {
    return switch (party) {
      case CLIENT -> clientId();
      case COACH -> coachId();
      case SPONSOR -> sponsorId();
    };
  }

  /** Whether the party has acknowledged what it must before signing: only the client acknowledges at signing. */
  boolean acknowledged(ContractService.Party party) {
    return party != ContractService.Party.CLIENT || clientAcknowledged();
  }

  /** Records the outcome for the gateway and shows a send-back comment to the coach; the answer itself is consumed. */
  void answered(boolean signed, String comment) {
    scope.setVariable(SIGNED, signed);
    if (!signed) {
      scope.setVariable(LAST_COMMENT, comment);
    }
    scope.removeVariable(ANSWER);
    scope.removeVariable(COMMENT);
  }

  void commentSeen() {
    scope.setVariable(LAST_COMMENT, Variables.stringValue(null));
  }
}
