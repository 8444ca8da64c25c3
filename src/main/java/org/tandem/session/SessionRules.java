package org.tandem.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.tandem.common.InvalidInputException;

/** The arithmetic of sessions: hours held, lateness of a change, when a record is overdue. */
final class SessionRules {

  private SessionRules() {
  }

  /** SES-1: total hours from start and end time, to two decimals; the end must come after the start. */
  static BigDecimal hours(LocalTime start, LocalTime end) {
    if (!end.isAfter(start)) {
      throw new InvalidInputException("endTime", "The session must end after it starts.");
    }
    long minutes = Duration.between(start, end).toMinutes();
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  /** A session is recorded on the day it was held, which cannot be in the future. */
  static void checkHeldOn(LocalDate heldOn, LocalDate today) {
    if (heldOn.isAfter(today)) {
      throw new InvalidInputException("heldOn", "A session can be recorded once it has been held, not before.");
    }
  }

  /** SES-4: a change with less notice than the contract's notice period is late. */
  static boolean late(Instant changedAt, Instant plannedAt, int noticeHours) {
    return Duration.between(changedAt, plannedAt).compareTo(Duration.ofHours(noticeHours)) < 0;
  }

  /** SES-4: the coach is reminded when the session is not recorded within the grace period after its planned end. */
  static Instant recordDueBy(Instant plannedAt, int plannedMinutes, Duration gracePeriod) {
    return plannedAt.plus(Duration.ofMinutes(plannedMinutes)).plus(gracePeriod);
  }
}
