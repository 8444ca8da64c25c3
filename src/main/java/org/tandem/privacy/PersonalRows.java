package org.tandem.privacy;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the product's tables as a person's copy shows them: column names in lower case, times as ISO values. */
public final class PersonalRows {

  private PersonalRows() {
  }

  /** The rows of a query with one parameter, {@code :person}. */
  public static List<Map<String, Object>> of(JdbcClient jdbc, String sql, String personId) {
    return of(jdbc, sql, "person", personId);
  }

  /** The rows of a query with one named parameter. */
  public static List<Map<String, Object>> of(JdbcClient jdbc, String sql, String parameter, Object value) {
    return jdbc.sql(sql).param(parameter, value).query().listOfRows().stream().map(PersonalRows::plain).toList();
  }

  static Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> plain = new LinkedHashMap<>();
    row.forEach((column, value) -> plain.put(column.toLowerCase(Locale.ROOT), plain(value)));
    return plain;
  }

  private static Object plain(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Time time) {
      return time.toLocalTime();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return value;
  }
}
