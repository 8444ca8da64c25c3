package org.tandem.session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.tandem.contracting.SessionFormat;

/** A session as the coach records it (SES-1); the hours follow from its start and end. */
record SessionRecord(int number, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, BigDecimal hours,
    SessionFormat format, String location) {
}
