package org.tandem.relationship;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.tandem.common.ProcessVariables;
import org.tandem.contracting.Contract;
import org.tandem.contracting.ContractSummary;

/**
 * The variables of the {@code relationship} and {@code sessions} processes: ids, counters and decisions. The records
 * live in the product's tables. Form field keys use the same names.
 */
record RelationshipVariables(VariableScope scope) implements ProcessVariables {

  static final String KIND = "kind";
  static final String SESSION_NUMBER = "sessionNumber";
  static final String SESSIONS_HELD = "sessionsHeld";
  static final String FIRST_MEETING = "firstMeeting";
  static final String MIDDLE_EVALUATIONS_DUE = "middleEvaluationsDue";
  static final String REVIEW_DUE = "reviewDue";
  static final String GOALS_SUMMARY = "goalsSummary";
  static final String COACH_GOES_ON = "coachGoesOn";
  static final String CLIENT_GOES_ON = "clientGoesOn";
  static final String STOP_REASON = "stopReason";
  static final String STOP_REASON_OTHER = "stopReasonOther";
  static final String COACH_REVIEW_DECISION = "coachReviewDecision";
  static final String CLIENT_REVIEW_DECISION = "clientReviewDecision";
  static final String CONTINUE_TOGETHER = "continueTogether";
  static final String END_REASON = "endReason";
  static final String END_REASON_OTHER = "endReasonOther";
  static final String ENDED_BY_ROLE = "endedByRole";
  static final String END_REASONS = "endReasons";

  Kind kind() {
    return Kind.parse(KIND, values().raw(KIND));
  }

  /** The pairing as the start form or the matching process gives it; the kind is kept in its canonical form. */
  RelationshipService.Pairing pairing(String openedBy) {
    Kind kind = kind();
    scope.setVariable(KIND, kind.name());
    if (sponsorId() == null) {
      scope.setVariable(SPONSOR_ID, null);
    }
    return new RelationshipService.Pairing(kind, coachId(), clientId(), sponsorId(), openedBy);
  }

  void afterSession(SessionPolicy.AfterSession after, Contract contract) {
    scope.setVariable(SESSIONS_HELD, after.held());
    scope.setVariable(SESSION_NUMBER, after.held() + 1);
    scope.setVariable(FIRST_MEETING, after.firstMeeting());
    scope.setVariable(MIDDLE_EVALUATIONS_DUE, after.middleEvaluationsDue());
    scope.setVariable(REVIEW_DUE, after.reviewDue());
    if (after.reviewDue()) {
      scope.setVariable(GOALS_SUMMARY, ContractSummary.goals(contract.terms().goals()));
    }
  }

  List<RelationshipService.PartyDecision> firstMeetingDecisions() {
    return decisions(COACH_GOES_ON, CLIENT_GOES_ON);
  }

  List<RelationshipService.PartyDecision> reviewDecisions() {
    return decisions(COACH_REVIEW_DECISION, CLIENT_REVIEW_DECISION);
  }

  private List<RelationshipService.PartyDecision> decisions(String coachVariable, String clientVariable) {
    java.util.ArrayList<RelationshipService.PartyDecision> decided = new java.util.ArrayList<>();
    if (values().text(coachVariable) != null) {
      decided.add(new RelationshipService.PartyDecision("COACH", coachId(), values().text(coachVariable)));
    }
    if (values().text(clientVariable) != null) {
      decided.add(new RelationshipService.PartyDecision("CLIENT", clientId(), values().text(clientVariable)));
    }
    return decided;
  }

  /** The decisions are asked afresh at the next review. */
  void reviewed(boolean continueTogether) {
    scope.setVariable(CONTINUE_TOGETHER, continueTogether);
    scope.removeVariable(COACH_REVIEW_DECISION);
    scope.removeVariable(CLIENT_REVIEW_DECISION);
  }

  int sessionsHeld() {
    Integer held = values().optionalInteger(SESSIONS_HELD, "Sessions held");
    return held == null ? 0 : held;
  }

  EndReason stopReason() {
    return values().optionalChoice(STOP_REASON, "the reason", EndReason.class);
  }

  String stopReasonDetails() {
    return values().optionalText(STOP_REASON_OTHER, "The other reason", 500);
  }

  EndReason endReason() {
    return values().optionalChoice(END_REASON, "the reason", EndReason.class);
  }

  String endReasonDetails() {
    return values().optionalText(END_REASON_OTHER, "The other reason", 500);
  }

  String endedBy() {
    return "CLIENT".equals(values().text(ENDED_BY_ROLE)) ? clientId() : coachId();
  }

  /** The reasons a select offers, as Camunda Forms read them: a list of label and value. */
  static Object reasonOptions(Kind kind) {
    return Spin.JSON(EndReason.forKind(kind).stream()
        .map(reason -> Map.of("label", reason.label(), "value", reason.name())).toList());
  }
}
