package org.tandem.privacy;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.tandem.common.ModelProcess;

/** How code outside the model starts erasure requests: the one door to the {@code erasure-request} process. */
@Component
class ErasureProcess extends ModelProcess {

  static final String PROCESS = "erasure-request";

  ErasureProcess(ProcessEngine engine) {
    super(engine, PROCESS);
  }

  /**
   * Starts a request to erase a person's data (DP-2), as its form would, by the authenticated caller.
   *
   * @return the request's id, also the business key of its process
   */
  String start(String subject, String reason) {
    return start(ErasureVariables.atStart(subject, reason)).getBusinessKey();
  }
}
