package org.tandem.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads every row of every table of the application's schema, the engine's and the product's alike, and counts the
 * rows in which a text occurs, in any column, byte arrays included.
 */
public final class DatabaseScan {

  private DatabaseScan() {
  }

  /** The tables where the text occurs, with the number of rows holding it. */
  public static Map<String, Integer> find(DataSource dataSource, String text) {
    Map<String, Integer> hits = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables(connection)) {
        int rows = 0;
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("select * from " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              if (contains(value, text)) {
                rows++;
                break;
              }
            }
          }
        }
        if (rows > 0) {
          hits.put(table.replace("\"", "").toLowerCase(java.util.Locale.ROOT), rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return hits;
  }

  /** How many rows each table holds. */
  public static Map<String, Integer> rowCounts(DataSource dataSource) {
    Map<String, Integer> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getInt(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  /** How many tables a scan reads: proof that it read the engine's tables too. */
  public static int tableCount(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return tables(connection).size();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean contains(Object value, String text) throws SQLException {
    if (value == null) {
      return false;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8).contains(text)
          || new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }
    if (value instanceof java.sql.Blob blob) {
      return contains(blob.getBytes(1, (int) blob.length()), text);
    }
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length()).contains(text);
    }
    return value.toString().contains(text);
  }

  /** The tables of the connection's schema, each as a quoted, schema-qualified name. */
  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    String quote = meta.getIdentifierQuoteString();
    String schema = connection.getSchema();
    try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(quote + rs.getString("TABLE_SCHEM") + quote + "." + quote + rs.getString("TABLE_NAME") + quote);
      }
    }
    return tables;
  }
}
