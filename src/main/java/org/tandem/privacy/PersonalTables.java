package org.tandem.privacy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PersonalData} kept in the product's tables: the part of a person's copy and the place in the erasure order
 * given once, and the statements most capabilities erase and dispose with.
 */
public abstract class PersonalTables implements PersonalData {

  protected final JdbcClient jdbc;
  private final String section;
  private final int erasureOrder;

  protected PersonalTables(JdbcClient jdbc, String section, int erasureOrder) {
    this.jdbc = jdbc;
    this.section = section;
    this.erasureOrder = erasureOrder;
  }

  @Override
  public final String section() {
    return section;
  }

  @Override
  public final int erasureOrder() {
    return erasureOrder;
  }

  /** The rows of a query with one parameter, {@code :person}, as a person's copy shows them. */
  protected final List<Map<String, Object>> rows(String sql, String personId) {
    return PersonalRows.of(jdbc, sql, personId);
  }

  /** The rows of a query with one named parameter, as a person's copy shows them. */
  protected final List<Map<String, Object>> rows(String sql, String parameter, Object value) {
    return PersonalRows.of(jdbc, sql, parameter, value);
  }

  /** The ids (or other single values) a query with one parameter, {@code :person}, answers. */
  protected final List<String> ids(String sql, String personId) {
    return jdbc.sql(sql).param("person", personId).query(String.class).list();
  }

  /** The person's id becomes the pseudonym in each of the table's columns that name people. */
  protected final void pseudonymise(String personId, String pseudonym, String table, String... columns) {
    for (String column : columns) {
      jdbc.sql("update " + table + " set " + column + " = :pseudonym where " + column + " = :person")
          .param("pseudonym", pseudonym).param("person", personId).update();
    }
  }

  /** Deletes the rows of the table that name the person in the column. */
  protected final void delete(String table, String column, String personId) {
    jdbc.sql("delete from " + table + " where " + column + " = :person").param("person", personId).update();
  }

  /** DP-3: deletes the rows of the table whose time in the column is before the cutoff; answers how many went. */
  protected final int deleteBefore(String table, String column, Instant cutoff) {
    return deleteBefore(table, column, Timestamp.from(cutoff));
  }

  /** DP-3: as {@link #deleteBefore(String, String, Instant)}, for a column of dates. */
  protected final int deleteBefore(String table, String column, LocalDate cutoff) {
    return deleteBefore(table, column, Date.valueOf(cutoff));
  }

  private int deleteBefore(String table, String column, Object cutoff) {
    return jdbc.sql("delete from " + table + " where " + column + " < :cutoff").param("cutoff", cutoff).update();
  }
}
