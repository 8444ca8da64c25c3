package org.tandem.complaint;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.tandem.common.ModelProcess;

/** How code outside the model raises a concern: the one door to the {@code complaint} process. */
@Component
class ComplaintProcess extends ModelProcess {

  static final String PROCESS = "complaint";

  ComplaintProcess(ProcessEngine engine) {
    super(engine, PROCESS);
  }

  /**
   * Raises a concern as the signed-in caller (CMP-1), who becomes the one who raised it.
   *
   * @return the complaint's id, also the business key of its process
   */
  String raise(String coachId, String clientOrganisation, String concern) {
    return start(Map.of(
        ComplaintVariables.COACH_ID, orEmpty(coachId),
        ComplaintVariables.CLIENT_ORGANISATION, orEmpty(clientOrganisation),
        ComplaintVariables.CONCERN, orEmpty(concern))).getBusinessKey();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
