package org.tandem.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** REG-2: what a coach is short of for the year; a mentor who is not also a coach has no minimum. */
final class CpdRules {

  private CpdRules() {
  }

  static List<String> shortfalls(boolean coach, BigDecimal practiceHours, int supervision, int activities,
      RegisterSettings settings) {
    List<String> shortfalls = new ArrayList<>();
    if (!coach) {
      return shortfalls;
    }
    BigDecimal required = BigDecimal.valueOf(settings.cpdHours());
    if (practiceHours.compareTo(required) < 0) {
      shortfalls.add(required.subtract(practiceHours).stripTrailingZeros().toPlainString()
          + " more hours of coaching practice");
    }
    if (supervision < settings.cpdSupervision()) {
      shortfalls.add((settings.cpdSupervision() - supervision) + " more supervision sessions");
    }
    if (activities < settings.cpdActivities()) {
      shortfalls.add((settings.cpdActivities() - activities) + " more CPD activities");
    }
    return shortfalls;
  }
}
