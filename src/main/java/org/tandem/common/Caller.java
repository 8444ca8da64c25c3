package org.tandem.common;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine is working for right now: the person whose call or form submission runs the current command, with
 * their groups.
 */
public record Caller(String userId, List<String> groupIds) {

  public Caller {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
  }

  /** The signed-in person, or {@code null} when the engine works on its own (a timer, a job). */
  public static Caller current(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : new Caller(authentication.getUserId(), authentication.getGroupIds());
  }

  /** The signed-in person's user id, or {@code null} when the engine works on its own. */
  public static String userId(ProcessEngineServices engine) {
    Caller caller = current(engine);
    return caller == null ? null : caller.userId();
  }

  public boolean isIn(String group) {
    return groupIds.contains(group);
  }
}
