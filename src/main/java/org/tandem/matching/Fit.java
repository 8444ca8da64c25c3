package org.tandem.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well an eligible coach fits a request (MAT-2): a shared specialism counts most, then the preferred format and
 * location; a heavier current load counts against. The database ranks with these same weights.
 */
final class Fit {

  static final double SPECIALISM = 3;
  static final double FORMAT = 2;
  static final double LOCATION = 2;
  /** At full capacity a coach loses this much; half-full, half of it. */
  static final double LOAD = 2;

  private Fit() {
  }

  static double score(boolean specialism, boolean format, boolean location, int active, int capacity) {
    return (specialism ? SPECIALISM : 0) + (format ? FORMAT : 0) + (location ? LOCATION : 0)
        - LOAD * active / capacity;
  }

  static List<String> reasons(CoachingRequest request, boolean specialism, boolean format, boolean location,
      int active, int capacity) {
    List<String> reasons = new ArrayList<>();
    if (request.preferredSpecialism() != null) {
      reasons.add((specialism ? "offers" : "does not list") + " your specialism: " + words(request.preferredSpecialism().name()));
    }
    if (request.preferredFormat() != null) {
      reasons.add((format ? "offers" : "does not offer") + " " + words(request.preferredFormat().name()) + " sessions");
    }
    if (request.preferredLocation() != null) {
      reasons.add((location ? "works in" : "does not list") + " " + MatchingService.place(request.preferredLocation()));
    }
    reasons.add(active == 0 ? "has no clients at the moment"
        : "has " + active + " of " + capacity + " clients at the moment");
    return reasons;
  }

  private static String words(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
