package org.tandem.session;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.tandem.common.ModelProcess;

/**
 * The one door to the {@code session-feedback} process (SES-3): the client's optional feedback and the coach's
 * reflection on one session, kept in the confidential store. Its variables are the session's own.
 */
@Component
class SessionFeedbackProcess extends ModelProcess {

  static final String PROCESS = "session-feedback";

  SessionFeedbackProcess(ProcessEngine engine) {
    super(engine, PROCESS);
  }

  /** Invites the feedback and the reflection on a recorded session, under the relationship's business key. */
  void invite(String relationshipId, String coachId, String clientId, int sessionNumber) {
    start(relationshipId, Map.of(
        SessionVariables.RELATIONSHIP_ID, relationshipId,
        SessionVariables.COACH_ID, coachId,
        SessionVariables.CLIENT_ID, clientId,
        SessionVariables.SESSION_NUMBER, sessionNumber));
  }
}
