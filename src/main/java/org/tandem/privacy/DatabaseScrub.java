package org.tandem.privacy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Finds a person anywhere in the database, the engine's tables and the product's alike, and writes them out: every
 * text or byte column of every row in which one of their identifiers (user id, email address) occurs as a whole word
 * (any case) gets a replacement instead. Their name and phone number, which someone else may share, are replaced
 * only in rows that are about them: rows that name them by an identifier, or that belong to one of their records or
 * processes (the scope). Model definitions, deployed resources and the schemas' own bookkeeping are left alone; a
 * changed runtime row of the engine gets a new revision, so that a concurrent writer with the old row fails and
 * retries rather than writing the person back. A byte value that is not text and holds an identifier stops the scrub
 * with an error rather than leaving the person behind.
 */
@Component
class DatabaseScrub {

  /** An identifier to find and what it becomes. */
  public record Replacement(String find, String replaceWith) {
  }

  /**
   * A person to write out.
   *
   * @param identifiers what names them alone (user id, email addresses): replaced wherever found
   * @param names what others may share (full name, phone number): replaced only in rows about the person
   * @param scope the ids of the person's records and processes: relationship, request, complaint and erasure ids,
   *     and process instance ids
   */
  public record Person(List<Replacement> identifiers, List<Replacement> names, Set<String> scope) {
  }

  /** Columns that tie a row to a record or a process, and so to the people it is about. */
  private static final Set<String> SCOPE_COLUMNS = Set.of("proc_inst_id_", "root_proc_inst_id_", "business_key_",
      "relationship_id", "request_id");
  /** The product's tables whose own id is a record of the scope. */
  private static final Set<String> SCOPE_TABLES = Set.of("relationship", "coaching_request", "complaint",
      "erasure_request");

  private static final Set<String> SKIPPED_TABLES = Set.of("act_ge_property", "act_ge_schema_log",
      "flyway_schema_history");
  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
      Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);
  private static final Set<Integer> BYTES = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  private final DataSource dataSource;

  public DatabaseScrub(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private record Table(String name, List<String> text, List<String> bytes, List<String> keys, List<String> scope,
      boolean revisioned) {
  }

  /** Writes the person out of every table, in the caller's transaction; answers the rows changed per table. */
  public Map<String, Integer> scrub(Person person) {
    List<Replacement> identifiers = longestFirst(person.identifiers());
    List<Replacement> names = longestFirst(person.names());
    Map<String, Integer> changed = new TreeMap<>();
    if (identifiers.isEmpty() && names.isEmpty()) {
      return changed;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
          .contains("postgres");
      for (Table table : tables(connection)) {
        int rows = scrub(connection, table, identifiers, names, person.scope(), postgres);
        if (rows > 0) {
          changed.put(table.name().toLowerCase(Locale.ROOT), rows);
        }
      }
      return changed;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write a person out of the database: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static List<Replacement> longestFirst(List<Replacement> replacements) {
    return replacements.stream().filter(r -> r.find() != null && !r.find().isBlank())
        .sorted(Comparator.comparingInt((Replacement r) -> r.find().length()).reversed()).toList();
  }

  private int scrub(Connection connection, Table table, List<Replacement> identifiers, List<Replacement> names,
      Set<String> scope, boolean postgres) throws SQLException {
    if (table.keys().isEmpty()) {
      return 0;
    }
    List<Replacement> all = new ArrayList<>(identifiers);
    all.addAll(names);
    List<String> where = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (String column : table.text()) {
      for (Replacement replacement : all) {
        where.add("lower(" + quote(column) + ") like ? escape '\\'");
        parameters.add("%" + likeEscaped(replacement.find().toLowerCase(Locale.ROOT)) + "%");
      }
    }
    boolean scanBytesInJava = !postgres && !table.bytes().isEmpty();
    for (String column : table.bytes()) {
      if (postgres) {
        for (Replacement replacement : all) {
          for (String form : new java.util.LinkedHashSet<>(
              List.of(replacement.find(), replacement.find().toLowerCase(Locale.ROOT)))) {
            where.add("position(? in " + quote(column) + ") > 0");
            parameters.add(form.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    if (where.isEmpty() && !scanBytesInJava) {
      return 0;
    }
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>(table.keys());
    columns.addAll(table.scope());
    columns.addAll(table.text());
    columns.addAll(table.bytes());
    String sql = "select " + String.join(", ", columns.stream().map(DatabaseScrub::quote).toList())
        + " from " + quote(table.name())
        + (scanBytesInJava ? "" : " where (" + String.join(" or ", where) + ")")
        + (table.name().equalsIgnoreCase("act_ge_bytearray") ? (scanBytesInJava ? " where" : " and")
            + " " + quote(deploymentColumn(table)) + " is null" : "");
    int changedRows = 0;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      if (!scanBytesInJava) {
        for (int i = 0; i < parameters.size(); i++) {
          select.setObject(i + 1, parameters.get(i));
        }
      }
      List<Map<String, Object>> updates = new ArrayList<>();
      List<List<Object>> keys = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> values = rewrite(rs, table, identifiers);
          boolean about = !values.isEmpty();
          for (String column : table.scope()) {
            about |= scope.contains(rs.getString(column));
          }
          if (about && !names.isEmpty()) {
            Map<String, Object> named = rewrite(rs, table, all);
            values = named;
          }
          if (!values.isEmpty()) {
            List<Object> key = new ArrayList<>();
            for (String column : table.keys()) {
              key.add(rs.getObject(column));
            }
            updates.add(values);
            keys.add(key);
          }
        }
      }
      for (int i = 0; i < updates.size(); i++) {
        changedRows += update(connection, table, updates.get(i), keys.get(i));
      }
    }
    return changedRows;
  }

  /** The row's columns that change when the replacements are made, with their new values. */
  private static Map<String, Object> rewrite(ResultSet rs, Table table, List<Replacement> replacements)
      throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String column : table.text()) {
      String value = rs.getString(column);
      String replaced = replace(value, replacements);
      if (value != null && !value.equals(replaced)) {
        values.put(column, replaced);
      }
    }
    for (String column : table.bytes()) {
      byte[] value = rs.getBytes(column);
      byte[] replaced = replace(value, replacements, table.name(), column);
      if (value != null && replaced != value) {
        values.put(column, replaced);
      }
    }
    return values;
  }

  private static String deploymentColumn(Table table) {
    return table.name().equals(table.name().toUpperCase(Locale.ROOT)) ? "DEPLOYMENT_ID_" : "deployment_id_";
  }

  private static int update(Connection connection, Table table, Map<String, Object> values, List<Object> key)
      throws SQLException {
    List<String> assignments = new ArrayList<>(values.keySet().stream().map(c -> quote(c) + " = ?").toList());
    if (table.revisioned()) {
      String rev = table.name().equals(table.name().toUpperCase(Locale.ROOT)) ? "REV_" : "rev_";
      assignments.add(quote(rev) + " = " + quote(rev) + " + 1");
    }
    String sql = "update " + quote(table.name()) + " set " + String.join(", ", assignments) + " where "
        + String.join(" and ", table.keys().stream().map(c -> quote(c) + " = ?").toList());
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object value : values.values()) {
        update.setObject(i++, value);
      }
      for (Object value : key) {
        update.setObject(i++, value);
      }
      return update.executeUpdate();
    }
  }

  static String replace(String value, List<Replacement> replacements) {
    if (value == null) {
      return null;
    }
    String result = value;
    for (Replacement replacement : replacements) {
      Matcher matcher = pattern(replacement.find()).matcher(result);
      result = matcher.replaceAll(Matcher.quoteReplacement(replacement.replaceWith()));
    }
    return result;
  }

  private static byte[] replace(byte[] value, List<Replacement> replacements, String table, String column) {
    if (value == null) {
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException notText) {
      String latin = new String(value, StandardCharsets.ISO_8859_1);
      for (Replacement replacement : replacements) {
        if (pattern(replacement.find()).matcher(latin).find()) {
          throw new IllegalStateException("A binary value in " + table + "." + column
              + " holds the person and is not text that can be rewritten safely");
        }
      }
      return value;
    }
    String replaced = replace(text, replacements);
    if (replaced.equals(text)) {
      return value;
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(replaced));
    byte[] out = new byte[encoded.remaining()];
    encoded.get(out);
    return out;
  }

  private static Pattern pattern(String find) {
    return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(find) + "(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String quote(String identifier) {
    return "\"" + identifier + "\"";
  }

  private static List<Table> tables(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    List<Table> tables = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (SKIPPED_TABLES.contains(lower) || lower.startsWith("act_re_")) {
        continue;
      }
      List<String> text = new ArrayList<>();
      List<String> bytes = new ArrayList<>();
      boolean revisioned = false;
      try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, name, "%")) {
        while (rs.next()) {
          String column = rs.getString("COLUMN_NAME");
          int type = rs.getInt("DATA_TYPE");
          if (TEXT.contains(type)) {
            text.add(column);
          } else if (BYTES.contains(type)) {
            bytes.add(column);
          }
          revisioned |= column.equalsIgnoreCase("rev_");
        }
      }
      List<String> keys = new ArrayList<>();
      try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), schema, name)) {
        Map<Short, String> ordered = new TreeMap<>();
        while (rs.next()) {
          ordered.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
        keys.addAll(ordered.values());
      }
      boolean runtime = lower.startsWith("act_ru_") || lower.startsWith("act_id_");
      List<String> scope = new ArrayList<>(text.stream()
          .filter(column -> SCOPE_COLUMNS.contains(column.toLowerCase(Locale.ROOT))).toList());
      if (SCOPE_TABLES.contains(lower)) {
        keys.stream().filter(column -> column.equalsIgnoreCase("id")).forEach(scope::add);
      }
      tables.add(new Table(name, text, bytes, keys, scope, revisioned && runtime));
    }
    return tables;
  }
}
