package org.tandem.complaint;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.tandem.common.InvalidInputException;
import org.tandem.common.ProcessVariables;

/** The variables of the {@code complaint} process and the fields of its forms. */
record ComplaintVariables(VariableScope scope) implements ProcessVariables {

  static final String COMPLAINT_ID = "complaintId";
  static final String CLIENT_ORGANISATION = "clientOrganisation";
  static final String CONCERN = "concern";
  static final String COACH_RESPONSE = "coachResponse";
  static final String HR_OUTCOME = "hrOutcome";
  static final String HR_NOTES = "hrNotes";
  static final String DECISION = "decision";
  static final String DECISION_REASON = "decisionReason";

  String complaintId() {
    return values().text(COMPLAINT_ID);
  }

  /** The complaint's id is kept, and becomes the business key. */
  void complaintId(String id) {
    scope.setVariable(COMPLAINT_ID, id);
  }

  String clientOrganisation() {
    return values().text(CLIENT_ORGANISATION);
  }

  String concern() {
    return values().text(CONCERN);
  }

  String coachResponse() {
    return values().text(COACH_RESPONSE);
  }

  /** HR's outcome (CMP-1): resolved with HR, or escalated to the coaching lead. */
  boolean resolvedByHr() {
    String outcome = values().text(HR_OUTCOME);
    if (!"RESOLVED".equals(outcome) && !"ESCALATE".equals(outcome)) {
      throw new InvalidInputException(HR_OUTCOME, "Say whether HR resolved the concern or it goes to the lead.");
    }
    return "RESOLVED".equals(outcome);
  }

  String hrNotes() {
    return values().text(HR_NOTES);
  }

  Complaint.Decision decision() {
    return values().optionalChoice(DECISION, "the decision", Complaint.Decision.class);
  }

  String decisionReason() {
    return values().text(DECISION_REASON);
  }
}
