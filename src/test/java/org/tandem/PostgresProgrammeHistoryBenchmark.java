package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.confidential.SealedRecords;
import org.tandem.identity.Roles;
import org.tandem.support.DrivenLifecycleTest;
import org.tandem.support.HistoryCloner;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.PostgresExtension;
import org.tandem.support.RelationshipRun;
import org.tandem.support.RequiresPostgres;
import org.tandem.support.RestClientSupport;

/**
 * A programme with history, on PostgreSQL: 100,000 closed relationships spread over eight years, 2,000 running and a
 * register of 10,000 coaches, then what people do every day, measured once over the templates alone (the baseline)
 * and once over the whole history, in the same run: a coach's "My tasks" and the opening of a task's form through
 * engine REST as Tasklist does it, a client's request with its shortlist drawn up among the 10,000, a person's
 * erasure (with its proof: nothing of them left in any table), and the nightly retention run over the year of
 * relationships whose retention period is over.
 *
 * <p>The history is written by {@link HistoryCloner}: relationships driven through the product, every row they wrote
 * copied with ids, people and times of their own ({@code HistoryClonerTest} proves a copy is shaped exactly as a
 * driven relationship). Sizes: {@code -Dhistory.closed}, {@code -Dhistory.running}. Not part of
 * {@code ./mvnw verify}: run it with {@code ./mvnw -Pbenchmark test -Dtest=PostgresProgrammeHistoryBenchmark} and
 * {@code POSTGRES_URL}.
 */
@Tag("benchmark")
@RequiresPostgres
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.autoconfigure.exclude=" + LifecycleThroughputBenchmark.COVERAGE,
        "camunda.bpm.job-execution.enabled=false", "tandem.notifications.worker-enabled=false",
        "tandem.identity.admin.password=bench-secret-1", "tandem.identity.demo-users=true"})
@ActiveProfiles("postgres")
class PostgresProgrammeHistoryBenchmark extends DrivenLifecycleTest {

  static final int CLOSED = Integer.getInteger("history.closed", 100_000);
  static final int RUNNING = Integer.getInteger("history.running", 2_000);
  static final int COACHES = 10_000;
  static final int SPONSORS = 200;
  static final int CALLS = 40;
  static final long EIGHT_YEARS = 8L * 365 * 24 * 3600;
  static final List<String> TOWNS = List.of("birmingham", "coventry", "dudley", "walsall", "wolverhampton",
      "sandwell", "solihull", "worcester", "hereford", "telford");
  static final String COACH_TEMPLATE = "zqcoacha";
  static final String SPONSOR_TEMPLATE = "zqsponsora";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresExtension.register(registry, PostgresProgrammeHistoryBenchmark.class);
  }

  @LocalServerPort
  int port;
  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.context.ApplicationContext context;

  private final ObjectMapper json = new ObjectMapper();
  private final StringBuilder report = new StringBuilder();
  private RestClientSupport rest;
  private String schema;

  @Test
  void a_programme_with_history() throws Exception {
    rest = new RestClientSupport("http://localhost:" + port);
    schema = PostgresExtension.schema(PostgresProgrammeHistoryBenchmark.class);
    line("Programme with history on %s", PostgresExtension.describe(dataSource));
    line("Machine: %d cores, %d MiB max heap, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"));
    register();
    HistoryCloner cloner = new HistoryCloner(dataSource, schema);
    try {
      cloner.noteWhatExists();
      programme(cloner);
    } finally {
      cloner.dropStore();
    }
  }

  private void programme(HistoryCloner cloner) throws Exception {
    RelationshipRun run = new RelationshipRun(driver, jdbc, engine);

    String closedClient = client("zqclienta", "Zqlasta");
    String closedId = run.matched(COACH_TEMPLATE, closedClient, "zqtown", SPONSOR_TEMPLATE);
    int tasks = run.toTheEnd(closedId);
    lapse();
    HistoryCloner.Template closed = cloner.capture(1);
    String runningClient = client("zqclientb", "Zqlastb");
    String runningId = run.matched(COACH_TEMPLATE, runningClient, "zqtown", SPONSOR_TEMPLATE);
    int[] sessions = {0};
    run.until(runningId, task -> task.getTaskDefinitionKey().equals("Task_RecordSession") && ++sessions[0] > 6);
    HistoryCloner.Template running = cloner.capture(2);
    line("Templates: a closed relationship (%d user tasks) wrote %,d rows in %d tables; a running one (at its "
        + "seventh session) %,d rows", tasks, total(closed.rows()), closed.rows().size(), total(running.rows()));
    line("  rows of the closed template by table: %s", closed.rows());

    Map<String, Double> baseline = measure("baseline (the templates alone)", runningId);

    long started = System.nanoTime();
    openTheRecords(cloner, closed);
    openTheRecords(cloner, running);
    String suffix = cloner.idSuffix(closed);
    List<String> indexes = cloner.dropIndexes(closed);
    long rows = cloner.copies(closed, 1, CLOSED, mappings(closed.number(), suffix, closedId, requestOf(closedId),
        closedClient, "Zqlasta"), "g::bigint * " + (EIGHT_YEARS / CLOSED));
    rows += cloner.copies(running, 1, RUNNING, mappings(running.number(), suffix, runningId,
        requestOf(runningId), runningClient, "Zqlastb"), "(g % 90) * 86400");
    long indexing = System.nanoTime();
    cloner.recreate(indexes);
    line("%d indexes dropped while the copies were written, and made again in %.0f s", indexes.size(),
        (System.nanoTime() - indexing) / 1e9);
    cloner.sequencesPastTheCopies(Map.of("relationship_number", "select 300000", "request_number",
        "select 300000"));
    long sealing = System.nanoTime();
    int sealed = SealedRecords.sealAll(context);
    line("Confidential records of the copies sealed for their own relationships: %,d in %.0f s", sealed,
        (System.nanoTime() - sealing) / 1e9);
    jdbc.sql("""
        update coach_profile set active_clients = (select count(*) from relationship r
          where r.coach_id = coach_profile.user_id and r.status <> 'CLOSED')""").update();
    analyze();
    line("History written: %,d rows in %.0f s (%,d closed and %,d running relationships); rows left out for a "
        + "unique key: %s", rows, (System.nanoTime() - started) / 1e9, CLOSED, RUNNING, cloner.skipped());
    line("  rows by table: %s", cloner.rowCounts());

    Map<String, Double> history = measure("with the history", "R-" + "%06d".formatted(200_001));
    line("");
    line("%-46s %14s %14s %7s", "", "baseline", "history", "ratio");
    for (String what : baseline.keySet()) {
      line("%-46s %11.1f ms %11.1f ms %6.1fx", what, baseline.get(what), history.get(what),
          history.get(what) / baseline.get(what));
    }
    erasure(cloner);
    retention();
    System.out.println();
    System.out.print(report);
  }

  // ---- what is measured ----

  private Map<String, Double> measure(String stage, String runningRelationship) {
    line("");
    line("Measured %s:", stage);
    Map<String, Double> figures = new LinkedHashMap<>();
    String coach = (String) driver.relationship(runningRelationship).get("COACH_ID");
    Task open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runningRelationship)
        .taskAssignee(coach).list().get(0);
    String filter = myTasksFilter(coach);
    figures.put("my tasks (filter list, p95)", p95("my tasks", () -> rest.post("/engine-rest/filter/" + filter
        + "/list?firstResult=0&maxResults=15", """
        {"sorting":[{"sortBy":"created","sortOrder":"desc"}]}""", coach, "demo")));
    figures.put("open a task's form (form variables, p95)", p95("form variables",
        () -> rest.get("/engine-rest/task/" + open.getId() + "/form-variables", coach, "demo")));
    figures.put("open a task's form (deployed form, p95)", p95("deployed form",
        () -> rest.get("/engine-rest/task/" + open.getId() + "/deployed-form", coach, "demo")));
    List<String> askers = new ArrayList<>();
    for (int i = 0; i < CALLS + 5; i++) {
      askers.add(driver.newPerson("asker", Roles.CLIENTS));
    }
    int[] n = {0};
    figures.put("a request with its shortlist (p95)", p95("request", () -> {
      String client = askers.get(n[0]++);
      return rest.post("/api/requests", """
          {"consent": true, "kind": "COACHING", "developmentNeed": "Leading through change",
           "preferredSpecialism": "LEADERSHIP", "preferredLocation": "%s", "organisation": "Sandwell Trust"}"""
          .formatted(TOWNS.get(n[0] % TOWNS.size())), client, "demo");
    }));
    return figures;
  }

  private double p95(String what, Supplier<RestClientSupport.Answer> call) {
    for (int i = 0; i < 5; i++) {
      RestClientSupport.Answer answer = call.get();
      assertThat(answer.status()).as(what + ": " + answer.body()).isBetween(200, 299);
    }
    double[] millis = new double[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long started = System.nanoTime();
      RestClientSupport.Answer answer = call.get();
      millis[i] = (System.nanoTime() - started) / 1e6;
      assertThat(answer.status()).as(what).isBetween(200, 299);
    }
    Arrays.sort(millis);
    double p95 = millis[(int) Math.ceil(CALLS * 0.95) - 1];
    line("  %-24s p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms (%d calls)", what, millis[CALLS / 2], p95,
        millis[CALLS - 1], CALLS);
    return p95;
  }

  private String myTasksFilter(String coach) {
    try {
      JsonNode filters = json.readTree(rest.get("/engine-rest/filter?resourceType=Task", coach, "demo").body());
      for (JsonNode filter : filters) {
        if (filter.path("name").asText().toLowerCase(java.util.Locale.ROOT).contains("my tasks")) {
          return filter.path("id").asText();
        }
      }
      throw new AssertionError("No My tasks filter for " + coach + ": " + filters);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A closed relationship's client and a coach with relationships of every kind, erased, with the proof. */
  private void erasure(HistoryCloner cloner) throws SQLException {
    line("");
    line("Erasure over the whole history:");
    String client = (String) jdbc.sql("select client_id from relationship where status = 'CLOSED' "
        + "and client_id like 'hc1n%' order by closed_at desc limit 1").query().singleValue();
    String coach = (String) jdbc.sql("select coach_id from relationship where status <> 'CLOSED' "
        + "and coach_id like 'coach%' limit 1").query().singleValue();
    for (String person : List.of(client, coach)) {
      long relationships = jdbc.sql("select count(*) from relationship where client_id = :p or coach_id = :p")
          .param("p", person).query(Long.class).single();
      long[] millis = erase(person);
      line("  %-12s (%d relationships): stop %,d ms, erase %,d ms", person, relationships, millis[0], millis[1]);
    }
    long proof = System.nanoTime();
    Map<String, Long> left = everywhere(client + "|" + coach);
    line("  proof: every row of every table read for both in %.0f s: %s", (System.nanoTime() - proof) / 1e9,
        left.isEmpty() ? "found nowhere" : "FOUND in " + left);
    assertThat(left).as(client + " or " + coach + " left in the database").isEmpty();
    explainTheEntries(client);
  }

  private long[] erase(String person) {
    String erasure = driver.startByForm("erasure-request", person, Map.of("understood", true));
    driver.claimAndComplete(erasure, "Task_VerifyErasure", LifecycleDriver.COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE"));
    long[] millis = new long[2];
    for (int step = 0; step < 2; step++) {
      Job job = engine.getManagementService().createJobQuery()
          .processInstanceId(driver.instance(erasure, "erasure-request").getId()).singleResult();
      long started = System.nanoTime();
      engine.getManagementService().executeJob(job.getId());
      millis[step] = (System.nanoTime() - started) / 1_000_000;
    }
    return millis;
  }

  /**
   * Every table whose rows, read as text, hold one of the ids ({@code a|b}) as a whole word: PostgreSQL reads every
   * row of every table.
   */
  private Map<String, Long> everywhere(String people) throws SQLException {
    Map<String, Long> found = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables where "
          + "table_schema = '" + schema + "' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        String bytes = table.equalsIgnoreCase("act_ge_bytearray") ? " or convert_from(t.bytes_, 'UTF8') ~* "
            + "'(^|[^[:alnum:]_])(" + people + ")([^[:alnum:]_]|$)'" : "";
        try (ResultSet rs = statement.executeQuery("select count(*) from " + schema + "." + table + " t where "
            + "t::text ~* '(^|[^[:alnum:]_])(" + people + ")([^[:alnum:]_]|$)'" + bytes)) {
          rs.next();
          if (rs.getLong(1) > 0) {
            found.put(table, rs.getLong(1));
          }
        }
      }
    }
    return found;
  }

  /**
   * What the scrub's way into the largest table costs against reading it whole, as PostgreSQL plans and runs both
   * ({@code EXPLAIN ANALYZE}); and the lookup of a person's historic tasks with and without the index added for it.
   */
  private void explainTheEntries(String someone) throws SQLException {
    line("");
    line("EXPLAIN ANALYZE, the largest table (act_hi_detail) searched for a person:");
    String roots = "select root_proc_inst_id_ from " + schema + ".act_hi_procinst where business_key_ = 'R-100001'";
    String like = "(lower(text_) like '%" + someone + "%' or lower(text2_) like '%" + someone + "%')";
    line("  read whole:          %s", plan("select id_ from " + schema + ".act_hi_detail where " + like));
    line("  entered by its root: %s", plan("select id_ from " + schema + ".act_hi_detail where root_proc_inst_id_ "
        + "= any(array(" + roots + ")) and " + like));
    line("A person's historic tasks (act_hi_taskinst.assignee_):");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop index " + schema + ".tandem_hi_taskinst_assignee");
      line("  without tandem_hi_taskinst_assignee: %s", plan("select id_ from " + schema + ".act_hi_taskinst "
          + "where assignee_ = 'coach77'"));
      statement.execute("create index tandem_hi_taskinst_assignee on " + schema + ".act_hi_taskinst (assignee_)");
      statement.execute("analyze " + schema + ".act_hi_taskinst");
    }
    line("  with it:                             %s", plan("select id_ from " + schema + ".act_hi_taskinst "
        + "where assignee_ = 'coach77'"));
  }

  private String plan(String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("explain (analyze, costs off) " + sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1).strip());
      }
    }
    String scan = lines.stream().filter(l -> l.contains("Scan")).findFirst().orElse(lines.get(0));
    String time = lines.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("");
    return scan.replaceAll("\\s+\\(actual.*", "") + "; " + time;
  }

  /** The nightly retention run, on the day the oldest year of closed relationships is past its retention period. */
  private void retention() {
    line("");
    long expired = jdbc.sql("select count(*) from relationship where status = 'CLOSED' and closed_at < :cutoff")
        .param("cutoff", java.sql.Timestamp.from(driver.now().minus(java.time.Duration.ofDays(2555))))
        .query(Long.class).single();
    Job nightly = engine.getManagementService().createJobQuery().processDefinitionKey("records-retention")
        .timers().singleResult();
    long started = System.nanoTime();
    engine.getManagementService().executeJob(nightly.getId());
    double seconds = (System.nanoTime() - started) / 1e9;
    long left = jdbc.sql("select count(*) from relationship where status = 'CLOSED' and closed_at < :cutoff")
        .param("cutoff", java.sql.Timestamp.from(driver.now().minus(java.time.Duration.ofDays(2555))))
        .query(Long.class).single();
    line("Retention: %,d closed relationships past their retention period disposed of in %.1f s (%,d left)",
        expired, seconds, left);
  }

  // ---- writing the programme ----

  /** 10,000 coaches in ten towns, 200 sponsors, and the templates' coach and sponsor. */
  private void register() throws SQLException {
    long started = System.nanoTime();
    person("coach0", "Coach", "Number0", Roles.COACHES);
    person("sponsor0", "Sponsor", "Number0", Roles.SPONSORS);
    person(COACH_TEMPLATE, "Coach", "Zqcoachlasta", Roles.COACHES);
    person(SPONSOR_TEMPLATE, "Sponsor", "Zqsponsorlasta", Roles.SPONSORS);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      copyUser(statement, "coach", COACHES, Roles.COACHES);
      copyUser(statement, "sponsor", SPONSORS, Roles.SPONSORS);
      statement.execute("""
          insert into coach_profile (user_id, first_name, last_name, email, organisation, is_coach, is_mentor,
            qualification, interview_passed, trained_supervisor, charges_fees, offers_virtual, offers_hybrid,
            offers_in_person, capacity, status, coach_lapsed, applied_at, listed_at)
          select 'coach' || n, 'Coach', 'Number' || n, 'coach' || n || '@register.example', 'Trust ' || (n % 40),
            true, n % 3 = 0, 'ILM_LEVEL_5', false, false, false, true, n % 2 = 0, n % 3 <> 0, 2 + n % 4, 'LISTED',
            n % 50 = 0, timestamp '2019-01-01', timestamp '2019-01-02' from generate_series(0, LAST) n"""
          .replace("LAST", String.valueOf(COACHES - 1)));
      statement.execute("insert into coach_specialism (user_id, specialism) select 'coach' || n, (array["
          + "'LEADERSHIP','WELLBEING','CAREER','RESILIENCE'])[1 + n % 4] from generate_series(0, " + (COACHES - 1)
          + ") n");
      statement.execute("insert into coach_location (user_id, location) select 'coach' || n, (array['"
          + String.join("','", TOWNS) + "'])[1 + n % " + TOWNS.size() + "] from generate_series(0, "
          + (COACHES - 1) + ") n");
    }
    new org.tandem.support.RegisterFixtures(jdbc).profile(COACH_TEMPLATE).specialisms("LEADERSHIP")
        .locations("zqtown").capacity(50).save();
    line("Register: %,d coaches in %d towns and %d sponsors, written in %.0f s", COACHES, TOWNS.size(), SPONSORS,
        (System.nanoTime() - started) / 1e9);
  }

  private void person(String id, String first, String last, String group) {
    var user = engine.getIdentityService().newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@register.example");
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, group);
  }

  /** Users {@code prefix1} to {@code prefix(count-1)}, as {@code prefix0} was saved, password and group included. */
  private void copyUser(Statement statement, String prefix, int count, String group) throws SQLException {
    statement.execute("insert into act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_) select '" + prefix
        + "' || n, 1, first_, '" + "Number' || n, '" + prefix + "' || n || '@register.example', pwd_, salt_ "
        + "from act_id_user, generate_series(1, " + (count - 1) + ") n where id_ = '" + prefix + "0'");
    statement.execute("insert into act_id_membership (user_id_, group_id_) select '" + prefix + "' || n, '" + group
        + "' from generate_series(1, " + (count - 1) + ") n");
  }

  private String client(String id, String last) {
    person(id, "Zqfirst", last, Roles.CLIENTS);
    return id;
  }

  /**
   * Three months on, what a closed relationship leaves waiting runs its course: the optional feedback lapses, the
   * reminders are sent. The programme's own timers (the nightly retention, the yearly CPD review) are left alone.
   */
  private void lapse() {
    driver.advance(java.time.Duration.ofDays(90));
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().list().stream()
          .filter(job -> job.getProcessInstanceId() != null).toList();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    line("  still running after the closed template lapsed: %s", engine.getRuntimeService()
        .createProcessInstanceQuery().list().stream().map(instance -> instance.getProcessDefinitionId()
            .replaceAll(":.*", "") + " " + instance.getBusinessKey()).toList());
  }

  /**
   * A sealed record opens only for the relationship it belongs to: the template's records are copied as plain text,
   * and sealed for each copy's relationship once they are written.
   */
  private void openTheRecords(HistoryCloner cloner, HistoryCloner.Template template) {
    String table = cloner.templateTable(template, "confidential_note");
    for (Map<String, Object> note : jdbc.sql("select id, relationship_id, topic, field, content from " + table)
        .query().listOfRows()) {
      jdbc.sql("update " + table + " set content = :plain where id = :id")
          .param("plain", SealedRecords.open(context, (String) note.get("content"), (String) note.get("relationship_id"),
              (String) note.get("topic"), (String) note.get("field")))
          .param("id", note.get("id")).update();
    }
  }

  private String requestOf(String relationshipId) {
    return jdbc.sql("select id from coaching_request where relationship_id = :id").param("id", relationshipId)
        .query(String.class).single();
  }

  /**
   * How template {@code number} becomes copy {@code g}: the engine's ids get the copy's suffix; the relationship's
   * and request's numbers are the copy's (closed from 100,001, running from 200,001); the client is the copy's own,
   * the coach one of the 10,000 and the sponsor one of the 200, by the copy's number.
   */
  private static List<HistoryCloner.Mapping> mappings(int number, String suffix, String relationship,
      String request, String client, String clientLast) {
    String base = number == 1 ? "100000" : "200000";
    return List.of(
        new HistoryCloner.Mapping(suffix, "'-' || lpad(to_hex(" + (0xc000 + number) + "), 4, '0') || '-' || "
            + "lpad(to_hex(g), 12, '0')"),
        new HistoryCloner.Mapping(relationship, "'R-' || lpad((" + base + " + g)::text, 6, '0')"),
        new HistoryCloner.Mapping(request, "'Q-' || lpad((" + base + " + g)::text, 6, '0')"),
        new HistoryCloner.Mapping(clientLast, "'Client" + number + "n' || g"),
        new HistoryCloner.Mapping(client, "'hc" + number + "n' || g"),
        new HistoryCloner.Mapping("Zqcoachlasta", "'Number' || (g % " + COACHES + ")"),
        new HistoryCloner.Mapping(COACH_TEMPLATE, "'coach' || (g % " + COACHES + ")"),
        new HistoryCloner.Mapping("Zqsponsorlasta", "'Number' || (g % " + SPONSORS + ")"),
        new HistoryCloner.Mapping(SPONSOR_TEMPLATE, "'sponsor' || (g % " + SPONSORS + ")"));
  }

  private void analyze() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("analyze");
    }
  }

  private static long total(Map<String, ? extends Number> rows) {
    return rows.values().stream().mapToLong(Number::longValue).sum();
  }

  private void line(String format, Object... values) {
    String text = format.formatted(values);
    report.append(text).append(System.lineSeparator());
    System.out.println(text);
  }
}
