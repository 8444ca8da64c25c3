package org.tandem.matching;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.contracting.SessionFormat;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;
import org.tandem.support.PostgresExtension;

/**
 * How fast the shortlist is drawn up over a national register of 10,000 coaches (MAT-2), on H2 and, where reachable,
 * on PostgreSQL. Prints figures; asserts only that the query and a naive scan in Java agree. Not part of
 * {@code ./mvnw verify}: run it with {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
class MatchingBenchmark {

  static final int COACHES = 10_000;
  static final int OPEN_RELATIONSHIPS = 15_000;
  static final int WARM_UP = 50;
  static final int RUNS = 300;
  static final List<String> TOWNS = List.of("birmingham", "coventry", "leeds", "leicester", "nottingham", "derby",
      "stoke", "wolverhampton", "walsall", "dudley", "sheffield", "bristol", "exeter", "plymouth", "bath", "york",
      "hull", "lincoln", "norwich", "oxford");

  @Test
  void shortlist_over_ten_thousand_coaches() throws Exception {
    System.out.printf("%nMatching benchmark: %d coaches, %d open relationships, %d shortlists after %d warm-up%n",
        COACHES, OPEN_RELATIONSHIPS, RUNS, WARM_UP);
    System.out.printf("Machine: %d cores, %s %s, Java %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));

    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    run("H2 " + org.h2.engine.Constants.VERSION, h2);

    if (PostgresExtension.unavailable().isEmpty()) {
      String schema = "tandem_bench_" + UUID.randomUUID().toString().substring(0, 8);
      try (Connection admin = DriverManager.getConnection(PostgresExtension.url(), PostgresExtension.user(),
          PostgresExtension.password())) {
        admin.createStatement().execute("create schema " + schema);
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(PostgresExtension.url(schema));
        pg.setUser(PostgresExtension.user());
        pg.setPassword(PostgresExtension.password());
        String version = JdbcClient.create(pg).sql("show server_version").query(String.class).single();
        run("PostgreSQL " + version, pg);
        admin.createStatement().execute("drop schema " + schema + " cascade");
      }
    } else {
      System.out.println("PostgreSQL: skipped (" + PostgresExtension.unavailable().get() + ")");
    }
  }

  private void run(String database, DataSource dataSource) throws Exception {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    long generating = System.nanoTime();
    generate(new JdbcTemplate(dataSource));
    if (dataSource instanceof PGSimpleDataSource) {
      JdbcClient.create(dataSource).sql("analyze").update();
    }
    double generated = (System.nanoTime() - generating) / 1e9;
    EligibleCoaches eligible = new EligibleCoaches(JdbcClient.create(dataSource));
    Random random = new Random(7);
    List<CoachingRequest> requests = new ArrayList<>();
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      requests.add(randomRequest(random, i));
    }
    for (int i = 0; i < WARM_UP; i++) {
      eligible.rank(requests.get(i), Set.of(), 3);
    }
    long[] query = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      eligible.rank(requests.get(WARM_UP + i), Set.of(), 3);
      query[i] = System.nanoTime() - start;
    }

    NaiveScan naive = new NaiveScan(dataSource);
    for (int i = 0; i < 5; i++) {
      naive.rank(requests.get(i), 3);
    }
    int naiveRuns = 30;
    long[] scan = new long[naiveRuns];
    for (int i = 0; i < naiveRuns; i++) {
      CoachingRequest request = requests.get(WARM_UP + i);
      long start = System.nanoTime();
      List<String> baseline = naive.rank(request, 3);
      scan[i] = System.nanoTime() - start;
      List<String> fromQuery = eligible.rank(request, Set.of(), 3).stream().map(EligibleCoaches.Ranked::coachId)
          .toList();
      if (!baseline.equals(fromQuery)) {
        throw new AssertionError(database + ": the query and the scan disagree for " + request + ": " + fromQuery
            + " vs " + baseline);
      }
    }
    System.out.printf("%s (data generated in %.1f s)%n", database, generated);
    System.out.printf("  shortlist query   : %s%n", stats(query));
    System.out.printf("  baseline, scan in Java over every listed coach: %s%n", stats(scan));
    if (dataSource instanceof PGSimpleDataSource) {
      plan(dataSource, new CoachingRequest("Q-PLAN", "client1", Kind.COACHING, "need", null, SessionFormat.IN_PERSON,
          "leeds", Specialism.LEADERSHIP, "Trust", null, Set.of(), CoachingRequest.Status.OPEN, 0, null,
          Instant.now()));
    }
  }

  private static String stats(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    return "median %.2f ms, p95 %.2f ms, max %.2f ms, mean %.2f ms (n=%d)".formatted(
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6,
        mean, sorted.length);
  }

  /** The plan PostgreSQL chooses for the shortlist query of a request: which indexes it uses. */
  private void plan(DataSource dataSource, CoachingRequest request) {
    EligibleCoaches.Query query = new EligibleCoaches(JdbcClient.create(dataSource)).query(request, Set.of(), 3);
    List<String> lines = JdbcClient.create(dataSource).sql("explain " + query.sql()).params(query.params())
        .query(String.class).list();
    System.out.println("  plan (PostgreSQL) for " + request.kind() + ", " + request.preferredSpecialism() + ", "
        + request.preferredLocation() + ":");
    lines.forEach(line -> System.out.println("    " + line));
  }

  private static CoachingRequest randomRequest(Random random, int i) {
    Kind kind = random.nextInt(4) == 0 ? Kind.MENTORING : Kind.COACHING;
    Specialism specialism = random.nextInt(5) == 0 ? null : Specialism.values()[random.nextInt(Specialism.values().length)];
    SessionFormat format = random.nextBoolean() ? null : SessionFormat.values()[random.nextInt(3)];
    String town = random.nextBoolean() ? null : TOWNS.get(random.nextInt(TOWNS.size()));
    return new CoachingRequest("Q-B" + i, "client" + random.nextInt(5000), kind, "need", null, format, town,
        specialism, "Trust", "coach" + random.nextInt(COACHES), Set.of("coach" + random.nextInt(COACHES)),
        CoachingRequest.Status.OPEN, 0, null, Instant.now());
  }

  private static void generate(JdbcTemplate jdbc) {
    Random random = new Random(42);
    Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    List<Object[]> profiles = new ArrayList<>();
    List<Object[]> specialisms = new ArrayList<>();
    List<Object[]> locations = new ArrayList<>();
    for (int i = 0; i < COACHES; i++) {
      String id = "coach" + i;
      boolean coach = random.nextInt(10) < 8;
      boolean mentor = !coach || random.nextInt(3) == 0;
      String status = random.nextInt(20) == 0 ? "SUSPENDED" : random.nextInt(20) == 0 ? "APPLIED" : "LISTED";
      profiles.add(new Object[] {id, "First" + i, "Last" + i, id + "@example.org", "Trust " + random.nextInt(200),
          coach, mentor, random.nextBoolean() ? "ILM_LEVEL_5" : "ILM_LEVEL_7", random.nextBoolean(),
          random.nextBoolean(), random.nextBoolean(), 1 + random.nextInt(5), status, random.nextInt(15) == 0, at});
      Set<Specialism> chosen = new HashSet<>();
      int count = 1 + random.nextInt(3);
      while (chosen.size() < count) {
        chosen.add(Specialism.values()[random.nextInt(Specialism.values().length)]);
      }
      chosen.forEach(specialism -> specialisms.add(new Object[] {id, specialism.name()}));
      locations.add(new Object[] {id, TOWNS.get(random.nextInt(TOWNS.size()))});
    }
    jdbc.batchUpdate("""
        insert into coach_profile (user_id, first_name, last_name, email, organisation, is_coach, is_mentor,
          qualification, interview_passed, trained_supervisor, charges_fees, offers_virtual, offers_hybrid,
          offers_in_person, capacity, status, coach_lapsed, applied_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, false, false, false, ?, ?, ?, ?, ?, ?, ?)""", profiles);
    jdbc.batchUpdate("insert into coach_specialism (user_id, specialism) values (?, ?)", specialisms);
    jdbc.batchUpdate("insert into coach_location (user_id, location) values (?, ?)", locations);
    List<Object[]> relationships = new ArrayList<>();
    for (int i = 0; i < OPEN_RELATIONSHIPS + 5000; i++) {
      boolean closed = i >= OPEN_RELATIONSHIPS;
      relationships.add(new Object[] {"R-%06d".formatted(i), "coach" + random.nextInt(COACHES),
          "client" + random.nextInt(5000), closed ? "CLOSED" : "ACTIVE",
          closed && random.nextInt(10) == 0 ? "CONFLICT_OF_INTEREST" : null, at});
    }
    jdbc.batchUpdate("""
        insert into relationship (id, kind, coach_id, client_id, status, end_reason, opened_at)
        values (?, 'COACHING', ?, ?, ?, ?, ?)""", relationships);
    jdbc.update("""
        update coach_profile set active_clients = (select count(*) from relationship r
          where r.coach_id = coach_profile.user_id and r.status <> 'CLOSED')""");
  }

  /** The baseline: every listed coach loaded and ranked in Java, as the query does in the database. */
  private static final class NaiveScan {

    private final JdbcClient jdbc;

    NaiveScan(DataSource dataSource) {
      this.jdbc = JdbcClient.create(dataSource);
    }

    List<String> rank(CoachingRequest request, int size) {
      Map<String, Integer> load = new HashMap<>();
      Set<String> conflicts = new HashSet<>();
      jdbc.sql("select coach_id, client_id, status, end_reason from relationship").query(rs -> {
        if (!"CLOSED".equals(rs.getString(3))) {
          load.merge(rs.getString(1), 1, Integer::sum);
        }
        if ("CONFLICT_OF_INTEREST".equals(rs.getString(4)) && request.clientId().equals(rs.getString(2))) {
          conflicts.add(rs.getString(1));
        }
      });
      Map<String, Set<String>> specialisms = new HashMap<>();
      jdbc.sql("select user_id, specialism from coach_specialism")
          .query(rs -> { specialisms.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); });
      Map<String, Set<String>> locations = new HashMap<>();
      jdbc.sql("select user_id, location from coach_location")
          .query(rs -> { locations.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); });
      record Scored(String id, double score, int active) {
      }
      List<Scored> scored = new ArrayList<>();
      jdbc.sql("select * from coach_profile").query(rs -> {
        String id = rs.getString("user_id");
        boolean kind = request.kind() == Kind.COACHING ? rs.getBoolean("is_coach") && !rs.getBoolean("coach_lapsed")
            : rs.getBoolean("is_mentor");
        int active = load.getOrDefault(id, 0);
        if (!"LISTED".equals(rs.getString("status")) || !kind || active >= rs.getInt("capacity")
            || id.equals(request.clientId()) || id.equals(request.sponsorId()) || request.lineManagers().contains(id)
            || conflicts.contains(id)) {
          return;
        }
        boolean specialism = request.preferredSpecialism() != null
            && specialisms.getOrDefault(id, Set.of()).contains(request.preferredSpecialism().name());
        boolean format = request.preferredFormat() != null && switch (request.preferredFormat()) {
          case VIRTUAL -> rs.getBoolean("offers_virtual");
          case HYBRID -> rs.getBoolean("offers_hybrid");
          case IN_PERSON -> rs.getBoolean("offers_in_person");
        };
        boolean location = request.preferredLocation() != null
            && locations.getOrDefault(id, Set.of()).contains(request.preferredLocation());
        scored.add(new Scored(id, Fit.score(specialism, format, location, active, rs.getInt("capacity")), active));
      });
      return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
              .thenComparingInt(Scored::active).thenComparing(Scored::id))
          .limit(size).map(Scored::id).toList();
    }
  }
}
