package org.tandem.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.RestClientSupport;

/**
 * How fast the programme's API answers as history grows: every call of the dashboard, as a coordinator over HTTP,
 * with 1,000 closed relationships of history (the baseline) and then with 100,000 (seven years of a regional scheme),
 * in one run, and the ratio. The history is written as the product and the engine keep it: relationships, contracts,
 * sessions, requests and offers, anonymous ratings, and the engine's history of the processes and their user tasks.
 * Prints the figures with the machine; asserts only that every call answered with figures. Not part of
 * {@code ./mvnw verify}: run it with {@code ./mvnw -Pbenchmark test -Dtest='*ProgrammeBenchmark'}.
 */
@Tag("benchmark")
abstract class ProgrammeBenchmark {

  static final int BASELINE = 1_000;
  static final int HISTORY = 100_000;
  static final int OPEN = 2_000;
  static final int ROUNDS = 7;
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Duration SEVEN_YEARS = Duration.ofDays(7 * 365);
  static final String[] TASKS = {"Task_DraftContract", "Task_ClientSigns", "Task_CoachSigns"};
  static final String[] SESSION_TASKS = {"Task_CoachDecidesGo", "Task_ClientDecidesGo", "Task_CoachReviews",
      "Task_ClientReviews"};
  static final List<String> CALLS = List.of(
      "/api/programme/summary?from=2025-12-01&to=2026-11-30",
      "/api/programme/summary?from=2019-12-01&to=2026-11-30&kind=MENTORING",
      "/api/programme/stalled",
      "/api/programme/phases/sessions",
      "/api/programme/durations?model=contracting&from=2025-12-01&to=2026-11-30",
      "/api/programme/durations?model=sessions&from=2025-12-01&to=2026-11-30",
      "/api/programme/summary.csv?from=2025-12-01&to=2026-11-30");

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;

  abstract String database();

  @Test
  void the_dashboard_with_seven_years_of_history() throws SQLException {
    RestClientSupport api = new RestClientSupport("http://localhost:" + port);
    LifecycleDriver.resetClock();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    try {
      open(OPEN);
      long started = System.nanoTime();
      closed(0, BASELINE);
      Map<String, Double> baseline = measure(api);
      closed(BASELINE, HISTORY);
      double seedSeconds = (System.nanoTime() - started) / 1e9;
      Map<String, Double> history = measure(api);

      StringBuilder report = new StringBuilder();
      report.append("Programme API benchmark on %s%nMachine: %d cores, %s %s, Java %s%n".formatted(database(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
          System.getProperty("java.version")));
      report.append("  %,d open relationships; history written in %.0f s; median of %d calls each, as a coordinator%n"
          .formatted(OPEN, seedSeconds, ROUNDS));
      report.append("  %-78s %10s %10s %7s%n".formatted("call", BASELINE + " closed", HISTORY + " closed", "ratio"));
      for (String call : CALLS) {
        report.append("  %-78s %7.1f ms %7.1f ms %6.1fx%n".formatted(call, baseline.get(call), history.get(call),
            history.get(call) / baseline.get(call)));
      }
      double slowest = history.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      report.append("  slowest call with %,d closed: %.1f ms (target 500 ms)%n".formatted(HISTORY, slowest));
      System.out.print(report);
    } finally {
      LifecycleDriver.resetClock();
    }
  }

  private Map<String, Double> measure(RestClientSupport api) {
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String call : CALLS) {
      api.get(call, LifecycleDriver.COORDINATOR, "demo");
      double[] millis = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        long started = System.nanoTime();
        RestClientSupport.Answer answer = api.get(call, LifecycleDriver.COORDINATOR, "demo");
        millis[round] = (System.nanoTime() - started) / 1e6;
        assertThat(answer.status()).as(call + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.body()).as(call + " measured on figures, not on nothing").isNotIn("[]", "")
            .doesNotContain("\"closed\":0,");
      }
      Arrays.sort(millis);
      medians.put(call, millis[ROUNDS / 2]);
    }
    return medians;
  }

  /** Relationships in force, each with a running relationship process whose last task was done some days ago. */
  private void open(int count) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Batches batches = new Batches(connection)) {
        Rows relationships = batches.of("insert into relationship (id, kind, coach_id, client_id, "
            + "status, opened_at) values (?, ?, ?, ?, 'ACTIVE', ?)");
        Rows instances = batches.of("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, "
            + "PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, ROOT_PROC_INST_ID_, STATE_) "
            + "values (?, ?, ?, 'relationship', 'relationship:1:bench', ?, ?, 'ACTIVE')");
        Rows tasks = batches.of("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, "
            + "PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, NAME_, START_TIME_, END_TIME_, DURATION_, "
            + "DELETE_REASON_, PRIORITY_) values (?, ?, 'sessions', 'sessions:1:bench', ?, ?, ?, ?, ?, ?, ?, 50)");
        for (int n = 0; n < count; n++) {
          String id = "OPEN-" + n;
          Instant opened = NOW.minus(Duration.ofDays(30 + n % 300));
          relationships.add(id, n % 4 == 0 ? "MENTORING" : "COACHING", "coach" + n % 2000, "client-open" + n,
              at(opened));
          String instance = UUID.randomUUID().toString();
          instances.add(instance, instance, id, at(opened), instance);
          Instant last = NOW.minus(Duration.ofDays(n % 60));
          tasks.add(UUID.randomUUID().toString(), "Task_CoachReviews", instance, instance, "Review progress (coach)",
              at(last.minus(Duration.ofDays(2))), at(last), Duration.ofDays(2).toMillis(), "completed");
          tasks.add(UUID.randomUUID().toString(), "Task_RecordSession", instance, instance, "Record the session",
              at(last), null, null, null);
        }
      }
      connection.commit();
    }
  }

  /** Closed relationships {@code from} to {@code to}, spread over seven years, each with its whole history. */
  private void closed(int from, int to) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Batches batches = new Batches(connection)) {
        Rows relationships = batches.of("insert into relationship (id, kind, coach_id, client_id, "
            + "status, opened_at, outcome, end_reason, closed_at) values (?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?)");
        Rows contracts = batches.of("insert into contract (relationship_id, version, status, start_date, "
            + "sessions_agreed, sessions_before, frequency, session_minutes, session_format, location, "
            + "cameras_agreed, why_chosen, organisation_benefits, coach_expectations, client_expectations, "
            + "notice_hours, coach_acknowledged_at, drafted_at, in_force_at) values (?, 1, 'SUPERSEDED', ?, 6, 0, "
            + "'Monthly', 60, 'VIRTUAL', 'Teams', true, '-', '-', '-', '-', 48, ?, ?, ?)");
        Rows sessions = batches.of("insert into coaching_session (relationship_id, number, status, "
            + "planned_at, planned_minutes) values (?, ?, 'HELD', ?, 60)");
        Rows consents = batches.of("insert into consent (id, person_id, purpose, notice_version, "
            + "given_at) values (?, ?, 'COACHING', '2026-01', ?)");
        Rows requests = batches.of("insert into coaching_request (id, client_id, kind, development_need, "
            + "organisation, consent_id, status, relationship_id, created_at) values (?, ?, ?, '-', 'Trust', ?, "
            + "'MATCHED', ?, ?)");
        Rows offers = batches.of("insert into match_offer (request_id, coach_id, chosen_by, offered_at, "
            + "answer, answered_at) values (?, ?, ?, ?, 'ACCEPTED', ?)");
        Rows answers = batches.of("insert into evaluation_answer (questionnaire, kind, question, answer, "
            + "answered_in) values ('CLIENT_END', ?, 'anonymousOverall', ?, ?)");
        Rows instances = batches.of("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, "
            + "PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, ROOT_PROC_INST_ID_, STATE_) "
            + "values (?, ?, ?, 'relationship', 'relationship:1:bench', ?, ?, ?, 'COMPLETED')");
        Rows tasks = batches.of("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, "
            + "PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, NAME_, START_TIME_, END_TIME_, DURATION_, "
            + "DELETE_REASON_, PRIORITY_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', 50)");
        for (int n = from; n < to; n++) {
          String id = "R-" + n;
          String kind = n % 4 == 0 ? "MENTORING" : "COACHING";
          Instant closedAt = NOW.minus(Duration.ofMinutes(SEVEN_YEARS.toMinutes() * n / HISTORY)).minus(
              Duration.ofDays(1));
          Instant opened = closedAt.minus(Duration.ofDays(150 + n % 90));
          Instant requested = opened.minus(Duration.ofDays(3 + n % 20));
          Instant inForce = opened.plus(Duration.ofDays(2 + n % 10));
          int held = n % 10 == 0 ? 1 : 6;
          String outcome = n % 10 == 0 ? "STOPPED_AT_FIRST_MEETING" : n % 7 == 0 ? "ENDED_EARLY" : "COMPLETED";
          relationships.add(id, kind, "coach" + n % 2000, "client" + n, at(opened), outcome,
              outcome.equals("ENDED_EARLY") ? "NOT_MEETING_NEEDS" : null, at(closedAt));
          contracts.add(id, java.sql.Date.valueOf(inForce.atZone(LifecycleDriver.LONDON).toLocalDate()),
              at(opened), at(opened), at(inForce));
          for (int number = 1; number <= held; number++) {
            sessions.add(id, number, at(inForce.plus(Duration.ofDays(21L * number))));
          }
          consents.add((long) n + 1_000_000, "client" + n, at(requested));
          requests.add("Q-" + n, "client" + n, kind, (long) n + 1_000_000, id, at(requested));
          offers.add("Q-" + n, "coach" + n % 2000, "client" + n, at(requested.plus(Duration.ofDays(1))), at(opened));
          answers.add(kind, String.valueOf(1 + n % 5), java.time.YearMonth.from(closedAt.atZone(LifecycleDriver.LONDON))
              .toString());
          String instance = UUID.randomUUID().toString();
          instances.add(instance, instance, id, at(opened), at(closedAt), instance);
          Instant contracted = completed(tasks, "contracting", TASKS, instance, opened, Duration.ofHours(6 + n % 72));
          completed(tasks, "sessions", SESSION_TASKS, instance, contracted, Duration.ofHours(12 + n % 100));
        }
      }
      connection.commit();
    }
  }

  /** A model's user tasks done one after the other from {@code start}, each taking {@code took}; answers the end. */
  private static Instant completed(Rows tasks, String model, String[] keys, String instance, Instant start,
      Duration took) throws SQLException {
    Instant at = start;
    for (String task : keys) {
      tasks.add(UUID.randomUUID().toString(), task, model, model + ":1:bench", instance, instance, task, at(at),
          at(at.plus(took)), took.toMillis());
      at = at.plus(took);
    }
    return at;
  }

  private static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /**
   * Insert statements whose rows are sent in batches, every statement's in the order the statements were made, so
   * that a row always follows the row it refers to.
   */
  private static final class Batches implements AutoCloseable {

    private final Connection connection;
    private final List<Rows> statements = new ArrayList<>();

    Batches(Connection connection) {
      this.connection = connection;
    }

    Rows of(String sql) throws SQLException {
      Rows rows = new Rows(this, connection.prepareStatement(sql));
      statements.add(rows);
      return rows;
    }

    void flush() throws SQLException {
      for (Rows rows : statements) {
        rows.flush();
      }
    }

    @Override
    public void close() throws SQLException {
      flush();
      for (Rows rows : statements) {
        rows.statement.close();
      }
    }
  }

  /** The rows of one insert statement not sent yet. */
  private static final class Rows {

    private final Batches batches;
    private final PreparedStatement statement;
    private final List<Object[]> pending = new ArrayList<>();

    Rows(Batches batches, PreparedStatement statement) {
      this.batches = batches;
      this.statement = statement;
    }

    void add(Object... values) throws SQLException {
      pending.add(values);
      if (pending.size() == 1000) {
        batches.flush();
      }
    }

    private void flush() throws SQLException {
      if (pending.isEmpty()) {
        return;
      }
      for (Object[] values : pending) {
        for (int i = 0; i < values.length; i++) {
          statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
      }
      statement.executeBatch();
      pending.clear();
    }
  }
}
