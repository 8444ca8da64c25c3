package org.tandem.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** See {@link RequiresPostgres}. */
public final class PostgresExtension implements ExecutionCondition, AfterAllCallback {

  private static final Map<Class<?>, String> SCHEMAS = new ConcurrentHashMap<>();
  private static volatile Optional<String> unavailable;

  public static String url() {
    return System.getenv("POSTGRES_URL");
  }

  public static String user() {
    return Optional.ofNullable(System.getenv("POSTGRES_USER")).orElse("postgres");
  }

  public static String password() {
    return Optional.ofNullable(System.getenv("POSTGRES_PASSWORD")).orElse("");
  }

  /** Why PostgreSQL tests cannot run here, or empty when they can. */
  public static synchronized Optional<String> unavailable() {
    if (unavailable == null) {
      if (url() == null || url().isBlank()) {
        unavailable = Optional.of("POSTGRES_URL is not set");
      } else {
        try (Connection ignored = DriverManager.getConnection(url(), user(), password())) {
          unavailable = Optional.empty();
        } catch (SQLException e) {
          unavailable = Optional.of("PostgreSQL at " + url() + " is not reachable: " + e.getMessage());
        }
      }
      unavailable.ifPresent(reason -> System.err.println(
          "*** PostgreSQL tests SKIPPED: " + reason + ". Set POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test),"
              + " POSTGRES_USER and POSTGRES_PASSWORD to run them. ***"));
    }
    return unavailable;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return unavailable()
        .map(reason -> ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + reason))
        .orElse(ConditionEvaluationResult.enabled("PostgreSQL at " + url()));
  }

  /** The schema of a test class, created on first use. */
  public static String schema(Class<?> testClass) {
    return SCHEMAS.computeIfAbsent(testClass, type -> {
      String name = ("tandem_it_" + type.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
          .toLowerCase(Locale.ROOT);
      execute("create schema " + name);
      return name;
    });
  }

  /** The JDBC URL of the given schema. */
  public static String url(String schema) {
    return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Points the application (Flyway and the Camunda engine) at the test class's own schema. */
  public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
    String schema = schema(testClass);
    registry.add("spring.datasource.url", () -> url(schema));
    registry.add("spring.datasource.username", PostgresExtension::user);
    registry.add("spring.datasource.password", PostgresExtension::password);
    registry.add("camunda.bpm.database.schema-name", () -> schema);
    registry.add("camunda.bpm.database.table-prefix", () -> schema + ".");
    // the postgres profile generates no key: each test class's store gets a key of its own
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String encoded = java.util.Base64.getEncoder().encodeToString(key);
    registry.add("tandem.privacy.key", () -> encoded);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    String schema = SCHEMAS.remove(context.getRequiredTestClass());
    if (schema != null) {
      execute("drop schema " + schema + " cascade");
    }
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The server a test runs against, for a benchmark's figures: "PostgreSQL" and its version. */
  public static String describe(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "PostgreSQL";
    }
  }
}
