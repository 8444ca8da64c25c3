package org.tandem.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A coach's CPD over the year from {@code from} to {@code to}, both included (REG-2): practice hours from the log and from sessions recorded in
 * relationships (REG-4), supervision sessions and CPD activities, and what is still short.
 */
record Compliance(String coachId, LocalDate from, LocalDate to, BigDecimal loggedHours,
    BigDecimal sessionHours, int supervision, int activities, List<String> shortfalls) {

  public BigDecimal practiceHours() {
    return loggedHours.add(sessionHours);
  }

  public boolean compliant() {
    return shortfalls.isEmpty();
  }
}
