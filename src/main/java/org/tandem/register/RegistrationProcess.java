package org.tandem.register;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** How code outside the models starts an application to the register: the one door to {@code coach-registration}. */
@Component
class RegistrationProcess {

  static final String PROCESS = "coach-registration";

  private final ProcessEngine engine;

  RegistrationProcess(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * REG-1: starts the registration of an application, as the caller, exactly as the form {@code coach-application}
   * would.
   *
   * @return how the application is assessed, a {@link RegisterService.Route}
   */
  String apply(Application application) {
    return RegistrationVariables.route(engine.getRuntimeService().createProcessInstanceByKey(PROCESS)
        .setVariables(RegistrationVariables.of(application)).executeWithVariablesInReturn().getVariables());
  }
}
