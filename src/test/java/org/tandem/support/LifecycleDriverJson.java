package org.tandem.support;

import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;

/** A dynamic list as Tasklist submits it. */
public final class LifecycleDriverJson {

  private LifecycleDriverJson() {
  }

  @SafeVarargs
  public static Object list(Map<String, Object>... items) {
    return Spin.JSON(List.of(items));
  }
}
