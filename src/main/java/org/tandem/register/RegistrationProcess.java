package org.tandem.register;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.tandem.common.ModelProcess;

/** How code outside the models starts an application to the register: the one door to {@code coach-registration}. */
@Component
class RegistrationProcess extends ModelProcess {

  static final String PROCESS = "coach-registration";

  RegistrationProcess(ProcessEngine engine) {
    super(engine, PROCESS);
  }

  /**
   * REG-1: starts the registration of an application, as the caller, exactly as the form {@code coach-application}
   * would.
   *
   * @return how the application is assessed, a {@link RegisterService.Route}
   */
  String apply(Application application) {
    return RegistrationVariables.route(startForVariables(RegistrationVariables.of(application)));
  }
}
