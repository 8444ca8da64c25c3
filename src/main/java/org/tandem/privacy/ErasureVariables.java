package org.tandem.privacy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.tandem.common.ProcessVariables;

/**
 * The variables of the {@code erasure-request} process and the keys of its forms ({@code erasure-request},
 * {@code erasure-verify}): ids, what the coordinator is shown, and the decision. The request itself lives in the
 * {@code erasure_request} table.
 */
record ErasureVariables(VariableScope scope) implements ProcessVariables {

  static final String REQUEST_ID = "erasureRequestId";
  static final String REASON = "reason";
  static final String WITHDRAW_CONSENT = "withdrawConsent";
  static final String UNDERSTOOD = "understood";
  static final String SUBJECT_NAME = "subjectName";
  static final String RAISED_BY_DESCRIPTION = "raisedByDescription";
  static final String REASON_GIVEN = "reasonGiven";
  static final String REASONS_TO_HOLD = "reasonsToHold";
  static final String ERASURE_DECISION = "erasureDecision";
  static final String IDENTITY_VERIFIED = "identityVerified";
  static final String HOLD_REASON = "holdReason";

  /** What the start form would submit for a request raised through the API: understood, consent not withdrawn. */
  static Map<String, Object> atStart(String subjectId, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SUBJECT_ID, subjectId);
    variables.put(REASON, reason);
    variables.put(WITHDRAW_CONSENT, false);
    variables.put(UNDERSTOOD, true);
    return variables;
  }

  String requestId() {
    return values().text(REQUEST_ID);
  }

  /** Whose data the request is about, once it is recorded. */
  String subjectId() {
    return values().text(SUBJECT_ID);
  }

  /** Whom a coordinator named on the start form; nobody when a person asks for themselves. */
  String namedSubject() {
    return values().text(SUBJECT_ID);
  }

  /** Who started the request (the start event's initiator). */
  String reason() {
    return values().text(REASON);
  }

  boolean withdrawConsent() {
    return Boolean.TRUE.equals(values().raw(WITHDRAW_CONSENT));
  }

  String decision() {
    return values().text(ERASURE_DECISION);
  }

  boolean identityVerified() {
    return Boolean.TRUE.equals(values().raw(IDENTITY_VERIFIED));
  }

  String holdReason() {
    return values().text(HOLD_REASON);
  }

  /** The request as recorded, what the coordinator who verifies it is shown, and the reasons to hold it. */
  void recorded(ErasureDecisions.Recorded request) {
    scope.setVariable(REQUEST_ID, request.requestId());
    scope.setVariable(SUBJECT_ID, request.subject());
    scope.setVariable(SUBJECT_NAME, request.subjectName());
    scope.setVariable(RAISED_BY_DESCRIPTION, request.raisedByDescription());
    scope.setVariable(REASON_GIVEN, request.reasonGiven());
    scope.setVariable(REASONS_TO_HOLD, request.reasonsToHold());
  }
}
