package org.tandem.common;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine is working for right now: the person whose call or form submission runs the current command. */
public final class Caller {

  private Caller() {
  }

  /** The signed-in person's user id, or {@code null} when the engine works on its own (a timer, a job). */
  public static String userId(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
