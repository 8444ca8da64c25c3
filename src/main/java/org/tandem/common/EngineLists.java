package org.tandem.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine configuration's lists of custom parts (deployers, parse listeners, command interceptors) are null until
 * a plugin sets one; each of the product's plugins adds its part after whatever another has put there.
 */
public final class EngineLists {

  private EngineLists() {
  }

  /** A new list: what is configured already, if anything, then the part added. */
  public static <T> List<T> plus(List<? extends T> configured, T added) {
    List<T> parts = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
    parts.add(added);
    return parts;
  }
}
