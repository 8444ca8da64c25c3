package org.tandem.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes a programme's history fast, shaped exactly as the product writes it: the rows that relationships driven
 * through the product wrote (the templates), in every table, the engine's and the product's alike, are copied as many
 * times as asked, each copy with ids, people and times of its own. PostgreSQL only; the copies are made in SQL, a
 * thousand at a time, each thousand in a transaction of its own, with the foreign keys unchecked while they are
 * written (the connecting user must be allowed to, as the owner of the database is).
 *
 * <p>How a copy differs from its template, and nothing else: every id the engine generated (time-based UUIDs, which
 * share one suffix within a run) gets the copy's own suffix, wherever it occurs, in text and in JSON values alike; the
 * relationship's and request's numbers, the template's client, coach and sponsor (their ids and names) become the
 * copy's; the product's numeric ids move by a block of their own; every time moves back by the copy's offset. What
 * refers to the deployed models (their definitions, deployments and job definitions) is the same in every copy. The
 * keys of what existed before the templates were driven are noted first, in a schema of the cloner's own, so that only
 * what the templates wrote is copied.
 */
public final class HistoryCloner {

  /** What a template's text becomes in copy number {@code g}: a literal and an SQL expression over {@code g}. */
  public record Mapping(String find, String becomes) {
  }

  /**
   * One driven relationship's rows.
   *
   * @param number the template's number, 1 upwards, which keeps its copies' ids apart from the others'
   * @param rows the rows it wrote, by table
   */
  public record Template(int number, Map<String, Integer> rows) {
  }

  private static final Set<String> LEFT_ALONE = Set.of("flyway_schema_history", "act_ge_property",
      "act_ge_schema_log", "act_ru_meter_log", "act_ru_task_meter_log");
  private static final long ID_BLOCK = 10_000_000L;

  private final DataSource dataSource;
  private final String schema;
  private final String store;
  private final Map<String, List<Column>> tables = new TreeMap<>();
  private final Map<String, List<String>> keys = new TreeMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private final Map<String, List<Mapping>> needed = new java.util.HashMap<>();

  private record Column(String name, String type) {
  }

  public HistoryCloner(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.store = schema + "_clones";
  }

  /** Notes the keys of every row there is now: what the templates write from here on is what gets copied. */
  public void noteWhatExists() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create schema if not exists " + store);
      readTables(connection);
      for (Map.Entry<String, List<String>> table : keys.entrySet()) {
        statement.execute("create table " + store + ".before_" + table.getKey() + " as select "
            + String.join(", ", table.getValue()) + " from " + schema + "." + table.getKey());
      }
    }
  }

  /** Takes the rows written since the last template (or since {@link #noteWhatExists()}) as template {@code number}. */
  public Template capture(int number) throws SQLException {
    Map<String, Integer> rows = new TreeMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (Map.Entry<String, List<String>> table : keys.entrySet()) {
        String name = table.getKey();
        String key = String.join(", ", table.getValue());
        String template = store + ".tpl" + number + "_" + name;
        statement.execute("create table " + template + " as select * from " + schema + "." + name + " t where ("
            + key + ") not in (select " + key + " from " + store + ".before_" + name + ")");
        statement.execute("insert into " + store + ".before_" + name + " select " + key + " from " + template);
        int count = count(statement, "select count(*) from " + template);
        if (count > 0) {
          rows.put(name, count);
        }
      }
    }
    return new Template(number, rows);
  }

  /** The name of the table that holds a template's rows of {@code table}, to prepare them before they are copied. */
  public String templateTable(Template template, String table) {
    return store + ".tpl" + template.number() + "_" + table;
  }

  /** The suffix the engine's ids share in this run, read from a template's process instances. */
  public String idSuffix(Template template) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select distinct right(id_, 18) from " + store + ".tpl"
            + template.number() + "_act_hi_procinst")) {
      List<String> suffixes = new ArrayList<>();
      while (rs.next()) {
        suffixes.add(rs.getString(1));
      }
      if (suffixes.size() != 1 || !suffixes.get(0).matches("-[0-9a-f]{4}-[0-9a-f]{12}")) {
        throw new IllegalStateException("The engine's ids do not share one time-based UUID suffix: " + suffixes);
      }
      return suffixes.get(0);
    }
  }

  /**
   * Writes copies {@code from} to {@code to} (inclusive) of the template: each copy's ids and people by the
   * mappings, applied in order, every time moved back by {@code shiftSeconds} (an SQL expression over {@code g}).
   * Answers the rows written. A row that would break a unique key of the table is left out and counted (see
   * {@link #skipped()}).
   */
  public long copies(Template template, int from, int to, List<Mapping> mappings, String shiftSeconds)
      throws SQLException {
    long written = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        // the copies refer to each other exactly as the template's rows do: foreign keys are not checked row by row
        statement.execute("set session_replication_role = replica");
        statement.execute("set synchronous_commit = off");
        for (int start = from; start <= to; start += 1000) {
          int end = Math.min(to, start + 999);
          for (String table : template.rows().keySet()) {
            written += copy(statement, template, table, start, end, mappings, shiftSeconds);
          }
          connection.commit();
        }
        statement.execute("set session_replication_role = origin");
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
    return written;
  }

  /**
   * Drops the indexes that are neither primary nor unique keys of the tables a template writes to, to write the copies
   * faster; answers their definitions, for {@link #recreate}.
   */
  public List<String> dropIndexes(Template template) throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      List<String[]> indexes = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("select i.indexname, i.indexdef from pg_indexes i "
          + "join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid "
          + "join pg_namespace n on n.oid = c.relnamespace and n.nspname = i.schemaname "
          + "where i.schemaname = '" + schema + "' and not x.indisunique and not x.indisprimary and i.tablename in ('"
          + String.join("','", template.rows().keySet()) + "')")) {
        while (rs.next()) {
          indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] index : indexes) {
        statement.execute("drop index " + schema + "." + index[0]);
        definitions.add(index[1]);
      }
    }
    return definitions;
  }

  /** Creates the indexes {@link #dropIndexes} dropped. */
  public void recreate(List<String> definitions) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("set maintenance_work_mem = '512MB'");
      for (String definition : definitions) {
        statement.execute(definition);
      }
    }
  }

  /** Rows left out because they would have broken a unique key, by table. */
  public Map<String, Long> skipped() {
    return skipped;
  }

  /** Moves the product's sequences past the copies: numbered records and identity columns. */
  public void sequencesPastTheCopies(Map<String, String> sequences) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> sequence : sequences.entrySet()) {
        statement.execute("select setval('" + schema + "." + sequence.getKey() + "', (" + sequence.getValue()
            + ") + 1)");
      }
      for (Map.Entry<String, List<Column>> table : tables.entrySet()) {
        if (table.getKey().startsWith("act_")) {
          continue;
        }
        for (Column column : table.getValue()) {
          try (ResultSet rs = statement.executeQuery("select pg_get_serial_sequence('" + schema + "."
              + table.getKey() + "', '" + column.name() + "')")) {
            if (rs.next() && rs.getString(1) != null) {
              String seq = rs.getString(1);
              try (Statement set = connection.createStatement()) {
                set.execute("select setval('" + seq + "', coalesce((select max(" + column.name() + ") from "
                    + schema + "." + table.getKey() + "), 0) + 1)");
              }
            }
          }
        }
      }
    }
  }

  /** Drops the cloner's own schema. */
  public void dropStore() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + store + " cascade");
    }
  }

  private long copy(Statement statement, Template template, String table, int from, int to, List<Mapping> mappings,
      String shiftSeconds) throws SQLException {
    List<Column> columns = tables.get(table);
    List<String> values = new ArrayList<>();
    for (Column column : columns) {
      values.add(expression(table, column, template, needed(statement, template, table, column, mappings),
          shiftSeconds));
    }
    String names = String.join(", ", columns.stream().map(Column::name).toList());
    String sql = "insert into " + schema + "." + table + " (" + names + ") select " + String.join(", ", values)
        + " from " + store + ".tpl" + template.number() + "_" + table + " t cross join generate_series(" + from
        + ", " + to + ") g on conflict do nothing";
    int inserted = statement.executeUpdate(sql);
    long expected = (long) template.rows().get(table) * (to - from + 1);
    if (inserted < expected) {
      skipped.merge(table, expected - inserted, Long::sum);
    }
    return inserted;
  }

  /** The mappings whose text occurs in the column of the template's rows: the others would change nothing. */
  private List<Mapping> needed(Statement statement, Template template, String table, Column column,
      List<Mapping> mappings) throws SQLException {
    String text = switch (column.type()) {
      case "character varying", "text", "character" -> "t." + column.name();
      case "bytea" -> "convert_from(t." + column.name() + ", 'UTF8')";
      default -> null;
    };
    if (text == null) {
      return mappings;
    }
    String key = template.number() + "." + table + "." + column.name();
    List<Mapping> known = needed.get(key);
    if (known != null) {
      return known;
    }
    List<Mapping> found = new ArrayList<>();
    for (Mapping mapping : mappings) {
      if (count(statement, "select count(*) from " + templateTable(template, table) + " t where strpos(" + text
          + ", '" + mapping.find().replace("'", "''") + "') > 0") > 0) {
        found.add(mapping);
      }
    }
    needed.put(key, found);
    return found;
  }

  private String expression(String table, Column column, Template template, List<Mapping> mappings,
      String shiftSeconds) {
    String value = "t." + column.name();
    if (column.name().endsWith("def_id_") || column.name().equals("deployment_id_")) {
      return value;
    }
    switch (column.type()) {
      case "character varying", "text", "character" -> {
        return mapped(value, mappings);
      }
      case "bytea" -> {
        return "convert_to(" + mapped("convert_from(" + value + ", 'UTF8')", mappings) + ", 'UTF8')";
      }
      case "timestamp without time zone", "timestamp with time zone" -> {
        return value + " - (" + shiftSeconds + ") * interval '1 second'";
      }
      case "date" -> {
        return "(" + value + " - (" + shiftSeconds + ") * interval '1 second')::date";
      }
      case "bigint" -> {
        boolean productId = !table.startsWith("act_")
            && (column.name().equals("id") || column.name().endsWith("_id"));
        return productId ? value + " + (" + template.number() + " * 1000000 + g)::bigint * " + ID_BLOCK : value;
      }
      default -> {
        return value;
      }
    }
  }

  private static String mapped(String value, List<Mapping> mappings) {
    String expression = value;
    for (Mapping mapping : mappings) {
      expression = "replace(" + expression + ", '" + mapping.find().replace("'", "''") + "', " + mapping.becomes()
          + ")";
    }
    return expression;
  }

  private void readTables(Connection connection) throws SQLException {
    tables.clear();
    keys.clear();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select table_name, column_name, data_type from "
            + "information_schema.columns where table_schema = '" + schema + "' order by table_name, "
            + "ordinal_position")) {
      while (rs.next()) {
        String table = rs.getString(1).toLowerCase(Locale.ROOT);
        if (LEFT_ALONE.contains(table) || table.startsWith("act_re_")) {
          continue;
        }
        tables.computeIfAbsent(table, t -> new ArrayList<>())
            .add(new Column(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3)));
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("""
            select tc.table_name, kcu.column_name from information_schema.table_constraints tc
            join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
              and kcu.table_schema = tc.table_schema
            where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = '%s'
            order by tc.table_name, kcu.ordinal_position""".formatted(schema))) {
      while (rs.next()) {
        String table = rs.getString(1).toLowerCase(Locale.ROOT);
        if (tables.containsKey(table)) {
          keys.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2).toLowerCase(Locale.ROOT));
        }
      }
    }
    tables.keySet().retainAll(keys.keySet());
  }

  private static int count(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The number of rows of each table, for the report. */
  public Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : tables.keySet()) {
        try (ResultSet rs = statement.executeQuery("select count(*) from " + schema + "." + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
