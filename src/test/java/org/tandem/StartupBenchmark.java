package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * Time to healthy and resident memory after start of the packaged jar, against a bare Camunda 7 starter with the
 * webapps, REST, JDBC and the actuator's health, built in the same run from the same Spring Boot and Camunda versions.
 * Each jar starts three times, alternately, on H2 in a folder of its own; the medians and their ratio are printed.
 * Needs the packaged jar: {@code ./mvnw -B -DskipTests package && ./mvnw -B -Pbenchmark test -Dtest=StartupBenchmark}.
 */
@Tag("benchmark")
class StartupBenchmark {

  static final int ROUNDS = 3;
  static final Path BARE = Path.of("target", "bare-starter");

  @Test
  void the_product_starts_against_a_bare_starter() throws Exception {
    Path product = productJar();
    Path bare = buildBareStarter();
    List<long[]> products = new ArrayList<>();
    List<long[]> bares = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      bares.add(start(bare, "bare-" + round));
      products.add(start(product, "product-" + round));
    }
    long productMillis = median(products, 0);
    long bareMillis = median(bares, 0);
    long productKib = median(products, 1);
    long bareKib = median(bares, 1);
    System.out.printf("Start and memory%nMachine: %d cores, Java %s, Spring Boot %s, Camunda %s, H2%n"
            + "  product jar: healthy after %,d ms, resident %,d MiB (rounds: %s)%n"
            + "  bare starter: healthy after %,d ms, resident %,d MiB (rounds: %s)%n"
            + "  ratio (product / bare): time %.2f, memory %.2f%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        SpringBootVersion.getVersion(), camundaVersion(), productMillis, productKib / 1024, rounds(products),
        bareMillis, bareKib / 1024, rounds(bares), (double) productMillis / bareMillis,
        (double) productKib / bareKib);
    assertThat(productMillis).isPositive();
  }

  private static String rounds(List<long[]> runs) {
    return String.join(", ", runs.stream().map(run -> run[0] + " ms / " + run[1] / 1024 + " MiB").toList());
  }

  private static long median(List<long[]> runs, int index) {
    List<Long> values = runs.stream().map(run -> run[index]).sorted().toList();
    return values.get(values.size() / 2);
  }

  private static String camundaVersion() {
    String version = ProcessEngine.class.getPackage().getImplementationVersion();
    return version == null ? "7.24.0" : version;
  }

  private static Path productJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("tandem-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("No packaged jar in target/: run ./mvnw -B -DskipTests package"));
    }
  }

  /** Writes the bare starter's project and builds its jar with this project's Maven wrapper. */
  private static Path buildBareStarter() throws Exception {
    Path sources = Files.createDirectories(BARE.resolve("src/main/java/bare"));
    Files.createDirectories(BARE.resolve("src/main/resources"));
    Files.writeString(BARE.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>%s</version>
            <relativePath/>
          </parent>
          <groupId>bare</groupId>
          <artifactId>bare-starter</artifactId>
          <version>1</version>
          <properties><java.version>17</java.version></properties>
          <dependencyManagement><dependencies><dependency>
            <groupId>org.camunda.bpm</groupId><artifactId>camunda-bom</artifactId><version>%s</version>
            <type>pom</type><scope>import</scope>
          </dependency></dependencies></dependencyManagement>
          <dependencies>
            <dependency><groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-webapp</artifactId></dependency>
            <dependency><groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-rest</artifactId></dependency>
            <dependency><groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-actuator</artifactId></dependency>
            <dependency><groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-jdbc</artifactId></dependency>
            <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId></dependency>
          </dependencies>
          <build><plugins><plugin>
            <groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId>
          </plugin></plugins></build>
        </project>
        """.formatted(SpringBootVersion.getVersion(), camundaVersion()));
    Files.writeString(sources.resolve("BareApplication.java"), """
        package bare;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class BareApplication {
          public static void main(String[] args) {
            SpringApplication.run(BareApplication.class, args);
          }
        }
        """);
    Files.writeString(BARE.resolve("src/main/resources/application.yaml"), """
        spring.datasource.url: jdbc:h2:file:./data/bare
        camunda.bpm.admin-user:
          id: admin
          password: admin
        """);
    Process build = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-DskipTests",
        "-f", BARE.resolve("pom.xml").toAbsolutePath().toString(), "package")
        .redirectErrorStream(true).redirectOutput(BARE.resolve("build.log").toFile()).start();
    assertThat(build.waitFor(600, TimeUnit.SECONDS)).as("the bare starter builds").isTrue();
    assertThat(build.exitValue()).as("the bare starter builds; see " + BARE.resolve("build.log")).isZero();
    return BARE.resolve("target/bare-starter-1.jar");
  }

  /** Starts the jar in a fresh folder, waits until its health is UP: answers the milliseconds and the KiB resident. */
  private static long[] start(Path jar, String name) throws Exception {
    Path folder = Files.createDirectories(Path.of("target", "startup", name));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--server.address=127.0.0.1")
        .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("app.log").toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = started + Duration.ofSeconds(240).toNanos();
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as(name + " stopped; see " + folder.resolve("app.log")).isTrue();
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(5000);
            return new long[] {millis, residentKib(process.pid())};
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(100);
      }
      throw new AssertionError(name + " not healthy within 240 s; see " + folder.resolve("app.log"));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static long residentKib(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D", "")).mapToLong(Long::parseLong)
        .findFirst().orElseThrow();
  }
}
