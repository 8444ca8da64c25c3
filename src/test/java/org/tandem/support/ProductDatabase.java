package org.tandem.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh in-memory H2 with the product's Flyway migrations and nothing else: for plain tests of the product's SQL,
 * without Spring or the engine.
 */
public final class ProductDatabase {

  private ProductDatabase() {
  }

  public static JdbcClient fresh() {
    return JdbcClient.create(freshDataSource());
  }

  /** The database itself, for tests that need transactions over it too. */
  public static DataSource freshDataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:product-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    migrate(dataSource);
    return dataSource;
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
