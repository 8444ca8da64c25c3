package org.tandem.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One piece of CPD evidence in a coach's log (REG-2). Hours apply to practice only. */
record CpdEntry(Long id, Kind kind, LocalDate occurredOn, BigDecimal hours, String description,
    Instant recordedAt) {

  /** What the evidence is of. */
  enum Kind {
    PRACTICE_HOURS,
    SUPERVISION,
    CPD_ACTIVITY
  }
}
