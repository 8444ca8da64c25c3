package org.tandem.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Runs engine calls without the caller's Camunda authorizations, for product operations whose access the product
 * has already checked itself (a client ending their own relationship may not update process instances at large).
 */
public final class Privileged {

  private Privileged() {
  }

  public static <T> T call(ProcessEngine engine, Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
  }

  public static void run(ProcessEngine engine, Runnable work) {
    call(engine, () -> {
      work.run();
      return null;
    });
  }
}
