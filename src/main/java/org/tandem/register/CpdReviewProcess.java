package org.tandem.register;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.tandem.common.Privileged;

/** How code outside the models runs the yearly CPD review: the one door to {@code cpd-annual-review}. */
@Component
class CpdReviewProcess {

  /** The message of {@code Event_ReviewStarted}. */
  static final String REVIEW_REQUESTED = "CpdReviewRequested";

  private final ProcessEngine engine;

  CpdReviewProcess(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * REG-2: the review now rather than on its yearly date.
   *
   * @return the id of the review's process instance
   */
  String runNow() {
    return Privileged.call(engine, () -> engine.getRuntimeService().startProcessInstanceByMessage(REVIEW_REQUESTED)
        .getId());
  }
}
