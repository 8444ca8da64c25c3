package org.tandem.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.tandem.common.InvalidInputException;

/**
 * The days a figure covers, from the first to the last inclusive, in the programme's time zone, and the kind of
 * relationship it counts.
 */
record Period(LocalDate from, LocalDate to, Kinds kinds, ZoneId zone) {

  /** The longest period a figure covers: the retention period's seven years and a little. */
  static final int MAX_YEARS = 8;

  /** Which relationships count. */
  enum Kinds {
    COACHING, MENTORING, BOTH;

    /** The kinds as the database keeps them: both, or one. */
    java.util.List<String> names() {
      return this == BOTH ? java.util.List.of(COACHING.name(), MENTORING.name()) : java.util.List.of(name());
    }
  }

  /**
   * The period asked for; without dates, the twelve months up to and including today.
   *
   * @throws InvalidInputException naming the parameter that is not a date, a kind, or a period
   */
  static Period parse(String from, String to, String kind, LocalDate today, ZoneId zone) {
    LocalDate last = date("to", to, today);
    LocalDate first = date("from", from, last.minusYears(1).plusDays(1));
    if (first.isAfter(last)) {
      throw new InvalidInputException("from", "The period starts on " + first + ", after it ends on " + last + ".");
    }
    if (first.plusYears(MAX_YEARS).isBefore(last)) {
      throw new InvalidInputException("from", "A period covers at most " + MAX_YEARS + " years.");
    }
    return new Period(first, last, kinds(kind), zone);
  }

  private static LocalDate date(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "'" + value + "' is not a date such as 2026-04-01.");
    }
  }

  private static Kinds kinds(String kind) {
    if (kind == null || kind.isBlank()) {
      return Kinds.BOTH;
    }
    try {
      return Kinds.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "The kind is coaching, mentoring or both, not '" + kind + "'.");
    }
  }

  /** The first instant of the period. */
  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The months of the period as evaluation answers keep them ({@code 2026-04}), first and last. */
  String firstMonth() {
    return YearMonth.from(from).toString();
  }

  String lastMonth() {
    return YearMonth.from(to).toString();
  }
}
