package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RequiresPostgres;
import org.tandem.support.RestClientSupport;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine to run {@code docker/compose.yaml} here, so this test does what compose would: it
 * creates the database and role that the {@code db} service declares, and starts the packaged jar with exactly the
 * environment of the Dockerfile's runtime stage and the {@code app} service, then waits for the health check that
 * compose runs. Only network addresses are translated: the {@code db} host becomes the local PostgreSQL, its
 * database gets a unique name, and the published port a free one. If the app read a variable that compose does not
 * give it, or compose gave one the app ignores, the start fails here.
 */
@RequiresPostgres
class DockerComposeEnvironmentIT {

  private static final Path COMPOSE = Path.of("docker/compose.yaml");
  private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
  /** What a user puts in front of {@code docker compose up} for the variables compose requires. */
  private static final Map<String, String> USER_SUPPLIED = Map.of("TANDEM_ADMIN_PASSWORD", "compose-it-Secret-42",
      "TANDEM_PRIVACY_KEY", randomKey());

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  @Test
  void the_packaged_app_starts_healthy_with_the_environment_compose_gives_it() throws Exception {
    Map<String, Object> services = services();
    Map<String, String> db = interpolate(environment(services.get("db")));
    Map<String, String> app = new LinkedHashMap<>(dockerfileEnvironment());
    app.putAll(interpolate(environment(services.get("app"))));

    URI local = URI.create(PostgresExtension.url().substring("jdbc:".length()));
    String database = db.get("POSTGRES_DB") + "_compose_" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(app.get("POSTGRES_URL")).isEqualTo("jdbc:postgresql://db:5432/" + db.get("POSTGRES_DB"));
    assertThat(app.get("POSTGRES_USER")).isEqualTo(db.get("POSTGRES_USER"));
    assertThat(app.get("POSTGRES_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
    app.put("POSTGRES_URL", "jdbc:postgresql://" + local.getHost() + ":" + local.getPort() + "/" + database);
    int port = freePort();
    app.put("SERVER_PORT", Integer.toString(port));

    createDatabase(database, db.get("POSTGRES_USER"), db.get("POSTGRES_PASSWORD"));
    Process process = null;
    try {
      long started = System.nanoTime();
      process = start(app);
      String healthPath = healthCheckPath(services.get("app"));
      awaitHealthy(process, "http://127.0.0.1:" + port + healthPath);
      long startup = Duration.ofNanos(System.nanoTime() - started).toMillis();

      RestClientSupport rest = new RestClientSupport("http://127.0.0.1:" + port);
      assertThat(rest.get("/engine-rest/user", null, null).status()).isEqualTo(401);
      assertThat(rest.get("/engine-rest/user?id=admin", "admin", USER_SUPPLIED.get("TANDEM_ADMIN_PASSWORD")).status())
          .isEqualTo(200);
      System.out.printf("docker/compose.yaml environment: healthy after %d ms, resident memory %s (pid %d, %s)%n",
          startup, residentMemory(process.pid()), process.pid(), machine());
    } finally {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      dropDatabase(database);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws IOException {
    try (InputStream in = Files.newInputStream(COMPOSE)) {
      Map<String, Object> compose = new Yaml().load(in);
      return (Map<String, Object>) compose.get("services");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Object service) {
    Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) service).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    environment.forEach((key, value) -> result.put(key, String.valueOf(value)));
    return result;
  }

  @SuppressWarnings("unchecked")
  private static String healthCheckPath(Object service) {
    List<String> test = (List<String>) ((Map<String, Object>) ((Map<String, Object>) service).get("healthcheck"))
        .get("test");
    String url = test.get(test.size() - 1);
    return URI.create(url).getPath();
  }

  /** Compose's interpolation: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}. */
  private static Map<String, String> interpolate(Map<String, String> environment) {
    Pattern variable = Pattern.compile("\\$\\{([A-Z_]+)(?::([-?])([^}]*))?}");
    Map<String, String> result = new LinkedHashMap<>();
    environment.forEach((key, value) -> {
      Matcher matcher = variable.matcher(value);
      StringBuilder resolved = new StringBuilder();
      while (matcher.find()) {
        String supplied = USER_SUPPLIED.get(matcher.group(1));
        String replacement;
        if (supplied != null) {
          replacement = supplied;
        } else if ("-".equals(matcher.group(2))) {
          replacement = matcher.group(3);
        } else {
          throw new AssertionError(key + " needs " + matcher.group(1) + ", which compose requires from the user");
        }
        matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
      }
      matcher.appendTail(resolved);
      result.put(key, resolved.toString());
    });
    return result;
  }

  /** The ENV lines of the Dockerfile's last stage, the one that runs. */
  private static Map<String, String> dockerfileEnvironment() throws IOException {
    List<String> lines = Files.readAllLines(DOCKERFILE);
    int lastFrom = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("FROM ")) {
        lastFrom = i;
      }
    }
    Map<String, String> environment = new LinkedHashMap<>();
    Pattern pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)");
    lines.subList(lastFrom, lines.size()).stream().filter(line -> line.startsWith("ENV ")).forEach(line -> {
      Matcher matcher = pair.matcher(line.substring(4));
      while (matcher.find()) {
        environment.put(matcher.group(1), matcher.group(2).replaceAll("^\"|\"$", ""));
      }
    });
    assertThat(String.join("\n", lines)).contains("EXPOSE 8080").contains("USER tandem");
    return environment;
  }

  private static Process start(Map<String, String> environment) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(file -> file.getFileName().toString().matches("tandem-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("No packaged jar in target/: run ./mvnw verify"));
    }
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(Path.of("target", "compose-app.log").toFile());
    return builder.start();
  }

  private static void awaitHealthy(Process process, String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("The app stopped with exit code " + process.exitValue()
            + "; see target/compose-app.log");
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // the app is still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(url + " not healthy within 180 s; see target/compose-app.log");
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String residentMemory(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.exists(status)) {
      return "unknown";
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.substring(6).trim()).findFirst().orElse("unknown");
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap of the test JVM, Java "
        + System.getProperty("java.version");
  }

  /** What the postgres image does with POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB. */
  private static void createDatabase(String database, String user, String password) throws SQLException {
    try (Connection connection = admin()) {
      var exists = connection.createStatement()
          .executeQuery("select 1 from pg_roles where rolname = '" + user.replace("'", "''") + "'");
      if (!exists.next()) {
        connection.createStatement().execute("create role \"" + user + "\" login password '"
            + password.replace("'", "''") + "'");
      }
      connection.createStatement().execute("create database \"" + database + "\" owner \"" + user + "\"");
    }
  }

  private static void dropDatabase(String database) throws SQLException {
    try (Connection connection = admin()) {
      connection.createStatement().execute("drop database if exists \"" + database + "\" with (force)");
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(PostgresExtension.url(), PostgresExtension.user(),
        PostgresExtension.password());
  }
}
