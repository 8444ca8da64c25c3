package org.tandem.register;

import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;

/** A dynamic list as Tasklist submits it. */
final class LifecycleDriverJson {

  private LifecycleDriverJson() {
  }

  @SafeVarargs
  static Object list(Map<String, Object>... items) {
    return Spin.JSON(List.of(items));
  }
}
