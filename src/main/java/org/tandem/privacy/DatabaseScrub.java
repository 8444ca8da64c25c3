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
import org.tandem.common.HistoryExclusion;

/**
 * Finds a person in the database, the engine's tables and the product's alike, and writes them out: every text or byte
 * column of every row in which one of their identifiers (user id, email address) occurs as a whole word (any case)
 * gets a replacement instead. Their name and phone number, which someone else may share, are replaced only in rows
 * that are about them: rows that name them by an identifier, or that belong to one of their records or processes
 * (the scope).
 *
 * <p>The search goes through indexes rather than reading the whole database, so that its time follows the person,
 * not the size of the programme's history. A table is entered through its indexed columns that can tie a row to the
 * person: a column of the scope (a process instance, the root of a tree of calls, a business key, a relationship or a
 * request) holding one of the scope's ids, or a column naming people (an assignee, a user id, a coach or client)
 * holding the person's id. Byte arrays are entered by their id from the rows found, and by their root process
 * instance. What the engine keeps in history it keeps with the root process instance, and the scope holds the roots
 * of every process that has to do with the person; the product keeps its records with their relationship or request,
 * or the people they name. Someone else's running process can show the person only in a list to choose from (a
 * {@link HistoryExclusion}, never in history): the running processes' variables of those names are read too. A table
 * outside the engine's history with a column naming people and no index on it, or with no way in at all, is read
 * whole.
 *
 * <p>Model definitions, deployed resources and the schemas' own bookkeeping are left alone; a changed runtime row of
 * the engine gets a new revision, so that a concurrent writer with the old row fails and retries rather than writing
 * the person back. A byte value that is not text and holds an identifier stops the scrub with an error rather than
 * leaving the person behind.
 */
@Component
class DatabaseScrub {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatabaseScrub.class);

  /** An identifier to find and what it becomes. */
  public record Replacement(String find, String replaceWith) {
  }

  /**
   * A person to write out.
   *
   * @param identifiers what names them alone (user id, email addresses): replaced wherever found
   * @param names what others may share (full name, phone number): replaced only in rows about the person
   * @param scope the ids of the person's records and processes: relationship, request, complaint and erasure ids,
   *     and process instance ids with the roots of their trees of calls
   */
  public record Person(String userId, List<Replacement> identifiers, List<Replacement> names, Set<String> scope) {
  }

  /** Columns that tie a row to a record or a process, and so to the people it is about. */
  private static final Set<String> SCOPE_COLUMNS = Set.of("proc_inst_id_", "root_proc_inst_id_", "business_key_",
      "relationship_id", "request_id");
  /** The product's tables whose own id is a record of the scope. */
  private static final Set<String> SCOPE_TABLES = Set.of("relationship", "coaching_request", "complaint",
      "erasure_request");
  /**
   * Columns that name a person by their user id: the engine's (assignees, owners, users of identity links and of the
   * operation log, who started a process) and the product's (the parties of a relationship, who recorded, decided,
   * changed, read or shared something, who a notification is for).
   */
  static final Set<String> PERSON_COLUMNS = Set.of("assignee_", "owner_", "user_id_", "start_user_id_",
      "assigner_id_", "coach_id", "client_id", "sponsor_id", "opened_by", "ended_by", "author_id", "recorded_by",
      "changed_by", "party_id", "respondent_id", "user_id", "person_id", "chosen_by", "raised_by", "decided_by",
      "reader_id", "agreed_by", "shared_with", "subject_id", "handed_by", "from_user", "to_user", "recipient_id");
  /** Columns of the engine that hold the id of a byte array: a variable's value, an exception's stack trace. */
  private static final Set<String> BYTE_ARRAY_REFERENCES = Set.of("bytearray_id_", "exception_stack_id_",
      "job_exception_stack_id_", "error_details_id_", "content_id_");
  private static final String BYTE_ARRAY_TABLE = "act_ge_bytearray";

  /**
   * Tables that hold no one: the schemas' bookkeeping, the engine's metrics (counts, and assignees only as hashes)
   * and the anonymous answers of evaluations (EVA-4: choices on a scale, tied to no one and to no relationship).
   */
  private static final Set<String> SKIPPED_TABLES = Set.of("act_ge_property", "act_ge_schema_log",
      "flyway_schema_history", "act_ru_meter_log", "act_ru_task_meter_log", "evaluation_answer");
  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
      Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);
  private static final Set<Integer> BYTES = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  /** Person columns of one table only: a user's own row is keyed by their id. */
  private static final Map<String, String> OWN_ROWS = Map.of("act_id_user", "id_");
  /** The table of running processes' variables, entered also by the names of the lists of people they show. */
  private static final String VARIABLES = "act_ru_variable";

  private final DataSource dataSource;
  private final String[] listings;

  /**
   * @param exclusions the variables kept from history, lists of people shown to someone to choose from: the scrub
   *     finds them among the running processes' variables by name, whoever's process they are in
   */
  DatabaseScrub(DataSource dataSource, List<HistoryExclusion> exclusions) {
    this.dataSource = dataSource;
    this.listings = exclusions.stream().flatMap(exclusion -> exclusion.variables().stream()).distinct()
        .toArray(String[]::new);
  }

  /**
   * A table as the scrub reads it.
   *
   * @param scope the columns that tie a row to a record or a process
   * @param scopeEntries the indexed ones of them, by which the scrub finds the rows of the person's scope
   * @param personEntries the indexed columns naming people, by which it finds the rows naming the person
   * @param references the columns holding the id of a byte array
   * @param whole whether the table is read whole: it has no index to enter it by, or a column naming people without one
   */
  private record Table(String name, List<String> text, List<String> bytes, List<String> keys, List<String> scope,
      boolean revisioned, List<String> scopeEntries, List<String> personEntries, List<String> references,
      boolean whole) {
  }

  /** What one scrub has learnt so far: the byte arrays the rows it found refer to. */
  private static final class Found {
    final Set<String> byteArrays = new java.util.HashSet<>();
  }

  private volatile List<Table> tables;

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
      Found found = new Found();
      List<Table> all = tables(connection);
      List<Table> ordered = new ArrayList<>(all.stream()
          .filter(table -> !table.name().equalsIgnoreCase(BYTE_ARRAY_TABLE)).toList());
      ordered.addAll(all.stream().filter(table -> table.name().equalsIgnoreCase(BYTE_ARRAY_TABLE)).toList());
      for (Table table : ordered) {
        long started = System.nanoTime();
        int rows = scrub(connection, table, identifiers, names, person, found, postgres);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis >= 20) {
          LOG.debug("Searched {} ({}) in {} ms", table.name(), table.whole() ? "read whole" : "entered by index",
              millis);
        }
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
      Person person, Found found, boolean postgres) throws SQLException {
    if (table.keys().isEmpty()) {
      return 0;
    }
    Set<String> scope = person.scope();
    boolean byteArrays = table.name().equalsIgnoreCase(BYTE_ARRAY_TABLE);
    List<String> entry = new ArrayList<>();
    List<Object> entryParameters = new ArrayList<>();
    if (!table.whole()) {
      for (String column : table.scopeEntries()) {
        entry.add(quote(column) + " = any(?)");
        entryParameters.add(scope.toArray(String[]::new));
      }
      for (String column : table.personEntries()) {
        entry.add(quote(column) + " = ?");
        entryParameters.add(person.userId());
      }
      if (byteArrays) {
        entry.add(quote(table.keys().get(0)) + " = any(?)");
        entryParameters.add(found.byteArrays.toArray(String[]::new));
      }
      if (table.name().equalsIgnoreCase(VARIABLES)) {
        entry.add(quote(table.name().equals(VARIABLES) ? "name_" : "NAME_") + " = any(?)");
        entryParameters.add(listings);
      }
    }
    String entered = entry.isEmpty() ? "" : "(" + String.join(" or ", entry) + ")";
    if (!table.references().isEmpty()) {
      collectReferences(connection, table, entered, entryParameters, found);
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
    List<String> conditions = new ArrayList<>();
    List<Object> bound = new ArrayList<>();
    if (!entered.isEmpty()) {
      conditions.add(entered);
      bound.addAll(entryParameters);
    }
    if (!scanBytesInJava) {
      conditions.add("(" + String.join(" or ", where) + ")");
      bound.addAll(parameters);
    }
    if (byteArrays) {
      conditions.add(quote(deploymentColumn(table)) + " is null");
    }
    String sql = "select " + String.join(", ", columns.stream().map(DatabaseScrub::quote).toList())
        + " from " + quote(table.name())
        + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
    int changedRows = 0;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, bound);
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

  /** Notes the byte arrays the table's rows refer to, of the rows the scrub enters it by (all, if read whole). */
  private static void collectReferences(Connection connection, Table table, String entered, List<Object> parameters,
      Found found) throws SQLException {
    String sql = "select " + String.join(", ", table.references().stream().map(DatabaseScrub::quote).toList())
        + " from " + quote(table.name()) + (entered.isEmpty() ? "" : " where " + entered);
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, entered.isEmpty() ? List.of() : parameters);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          for (String column : table.references()) {
            String id = rs.getString(column);
            if (id != null) {
              found.byteArrays.add(id);
            }
          }
        }
      }
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object parameter = parameters.get(i);
      if (parameter instanceof String[] values) {
        statement.setArray(i + 1, statement.getConnection().createArrayOf("varchar", values));
      } else {
        statement.setObject(i + 1, parameter);
      }
    }
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

  /** The tables and how to enter each, read once: the schema changes only with a new version of the product. */
  private List<Table> tables(Connection connection) throws SQLException {
    List<Table> known = tables;
    if (known == null) {
      known = readTables(connection);
      tables = known;
    }
    return known;
  }

  private static List<Table> readTables(Connection connection) throws SQLException {
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
      Set<String> indexed = leadingIndexColumns(meta, connection, schema, name);
      List<String> scopeEntries = scope.stream().filter(column -> indexed.contains(column.toLowerCase(Locale.ROOT)))
          .toList();
      List<String> personEntries = text.stream()
          .filter(column -> (PERSON_COLUMNS.contains(column.toLowerCase(Locale.ROOT))
              || column.equalsIgnoreCase(OWN_ROWS.get(lower)))
              && indexed.contains(column.toLowerCase(Locale.ROOT)))
          .toList();
      List<String> references = text.stream()
          .filter(column -> BYTE_ARRAY_REFERENCES.contains(column.toLowerCase(Locale.ROOT))).toList();
      boolean byteArrays = lower.equals(BYTE_ARRAY_TABLE);
      boolean history = lower.startsWith("act_hi_");
      boolean unindexedPeople = !history && text.stream().anyMatch(column ->
          PERSON_COLUMNS.contains(column.toLowerCase(Locale.ROOT)) && !indexed.contains(column.toLowerCase(Locale.ROOT)));
      boolean whole = unindexedPeople || (scopeEntries.isEmpty() && personEntries.isEmpty() && !byteArrays);
      tables.add(new Table(name, text, bytes, keys, scope, revisioned && runtime, scopeEntries, personEntries,
          references, whole));
    }
    return tables;
  }

  /** The columns (lower case) that lead an index of the table: those a lookup by value is quick on. */
  private static Set<String> leadingIndexColumns(DatabaseMetaData meta, Connection connection, String schema,
      String table) throws SQLException {
    Set<String> columns = new java.util.HashSet<>();
    try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), schema, table, false, true)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        if (column != null && rs.getShort("ORDINAL_POSITION") == 1) {
          columns.add(column.toLowerCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }

  /** How many tables are read whole and which are entered by index: for the log and the benchmarks. */
  String plan() {
    List<Table> known = tables;
    if (known == null) {
      return "not read yet";
    }
    return "read whole: " + known.stream().filter(Table::whole).map(table -> table.name().toLowerCase(Locale.ROOT))
        .sorted().toList() + "; entered by index: " + known.stream().filter(table -> !table.whole())
        .map(table -> table.name().toLowerCase(Locale.ROOT) + String.valueOf(
            new java.util.ArrayList<>(java.util.stream.Stream.concat(table.scopeEntries().stream(),
                table.personEntries().stream()).map(c -> c.toLowerCase(Locale.ROOT)).toList())))
        .sorted().toList();
  }
}
