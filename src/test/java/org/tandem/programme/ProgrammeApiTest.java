package org.tandem.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.OwnJvm;
import org.tandem.support.RestClientSupport;
import org.tandem.support.TandemSpringBootTest;
import org.tandem.support.WebappSession;

/**
 * The programme's figures through the real API, on a programme of known shape in a database of its own: three
 * relationships driven through the models with the clock moved as people would act, and the history around them
 * (older relationships, requests, anonymous evaluation answers, the register) written as the product keeps it.
 * Every number the API answers is checked against what was seeded. The database is its own, so the class runs in a
 * JVM of its own.
 */
@OwnJvm
@TandemSpringBootTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestPropertySource(properties = "tandem.programme.minimum-group=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeApiTest {

  static final String PERIOD = "from=2026-03-01&to=2026-05-31";
  static final LocalDateTime MARCH_10 = LocalDateTime.of(2026, 3, 10, 9, 0);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  final ObjectMapper json = new ObjectMapper();
  RestClientSupport api;
  LifecycleDriver driver;
  String r1;
  String r2;
  String r3;
  String newClient;

  /** Once, before the first test (in a test's run, so that process test coverage counts the driven models). */
  @BeforeEach
  void seedTheProgramme() {
    if (api != null) {
      return;
    }
    api = new RestClientSupport("http://localhost:" + port);
    driver = new LifecycleDriver(engine, jdbc);
    newClient = driver.newPerson("cleo", "clients");
    try {
      drive();
    } finally {
      LifecycleDriver.resetClock();
    }
    history();
  }

  /** Three relationships through the models; every step a whole day after the one before. */
  private void drive() {
    at(MARCH_10);
    r1 = driver.start(COACH, CLIENT, null, "COACHING");
    r2 = driver.start(COACH, "carl", null, "MENTORING");
    at(MARCH_10.plusDays(1));
    driver.draftContract(r2, COACH, driver.contract());
    at(MARCH_10.plusDays(2));
    driver.draftContract(r1, COACH, driver.contract());
    driver.clientSigns(r2, "carl");
    at(MARCH_10.plusDays(3));
    driver.clientSigns(r1, CLIENT);
    driver.coachSigns(r2, COACH);
    at(MARCH_10.plusDays(4));
    driver.coachSigns(r1, COACH);
    at(MARCH_10.plusDays(10));
    driver.endEarly(r2, "Task_ClientEndsEarly", "carl", "NOT_MEETING_NEEDS", null);
    driver.runDueJobs(r2);
    at(MARCH_10.plusDays(30));
    r3 = driver.start(OTHER_COACH, newClient, null, "COACHING");
    at(MARCH_10.plusDays(31));
    driver.draftContract(r3, OTHER_COACH, driver.contract());
    // the figures are read on 11 April: r1 has done nothing since its contract came into force on 14 March
    at(MARCH_10.plusDays(32));
  }

  private void at(LocalDateTime london) {
    driver.clockAt(london.atZone(LifecycleDriver.LONDON).toInstant());
  }

  private static Timestamp london(LocalDateTime at) {
    return Timestamp.from(at.atZone(LifecycleDriver.LONDON).toInstant());
  }

  /** What the product keeps of what happened before and around them, written as it keeps it. */
  private void history() {
    // two relationships matched before the period and closed in it: one completed after 8 sessions, one stopped at
    // the first meeting (GO-1)
    closedEarlier("OLD-4", "COMPLETED", LocalDateTime.of(2025, 10, 1, 9, 0), LocalDateTime.of(2026, 4, 5, 12, 0), 8);
    closedEarlier("OLD-5", "STOPPED_AT_FIRST_MEETING", LocalDateTime.of(2026, 2, 1, 9, 0),
        LocalDateTime.of(2026, 4, 6, 12, 0), 1);
    // requests: three matched with the driven relationships after 3, 5 and 10 days (the last by hand, MAT-3), one
    // with the coordinators, one waiting for a coach's answer, one before any choice, and one from January
    request("Q-1", "COACHING", MARCH_10.minusDays(3), "MATCHED", r1, CLIENT, CLIENT, "ACCEPTED");
    request("Q-2", "MENTORING", MARCH_10.minusDays(5), "MATCHED", r2, "carl", "carl", "ACCEPTED");
    request("Q-3", "COACHING", MARCH_10.plusDays(20), "MATCHED", r3, newClient, LifecycleDriver.COORDINATOR,
        "ACCEPTED");
    request("Q-4", "COACHING", LocalDateTime.of(2026, 3, 20, 9, 0), "WITH_COORDINATOR", null, "carl", null, null);
    request("Q-5", "COACHING", LocalDateTime.of(2026, 4, 1, 9, 0), "OPEN", null, "carl", "carl", null);
    request("Q-6", "COACHING", LocalDateTime.of(2026, 4, 2, 9, 0), "OPEN", null, "carl", null, null);
    request("Q-7", "COACHING", LocalDateTime.of(2026, 1, 15, 9, 0), "OPEN", null, "carl", null, null);
    // anonymous ratings (EVA-4): five coaching clients rated the whole, one mentee too, and one in February;
    // four coaches rated engagement; an answer that is not a rating is not averaged
    for (String rating : List.of("5", "4", "4", "3", "5")) {
      answer("CLIENT_END", "COACHING", "anonymousOverall", rating, "2026-04");
    }
    answer("CLIENT_END", "MENTORING", "anonymousOverall", "1", "2026-04");
    answer("CLIENT_END", "COACHING", "anonymousOverall", "1", "2026-02");
    answer("CLIENT_END", "COACHING", "anonymousSessionsWhere", "VIRTUAL", "2026-04");
    for (String rating : List.of("2", "3", "4", "5")) {
      answer("COACH_MIDDLE", "COACHING", "anonymousEngagement", rating, "2026-03");
    }
    // the register beside the demo coaches colin (coach and mentor, 4 places) and chloe (coach, 3 places)
    profile("pat", "SUSPENDED", false, 2);
    profile("lee", "LISTED", true, 1);
  }

  private void closedEarlier(String id, String outcome, LocalDateTime opened, LocalDateTime closed, int sessions) {
    jdbc.sql("""
            insert into relationship (id, kind, coach_id, client_id, status, opened_at, outcome, closed_at)
            values (:id, 'COACHING', 'chloe', 'carl', 'CLOSED', :opened, :outcome, :closed)""")
        .param("id", id).param("opened", london(opened)).param("outcome", outcome).param("closed", london(closed))
        .update();
    for (int number = 1; number <= sessions; number++) {
      jdbc.sql("""
              insert into coaching_session (relationship_id, number, status, planned_at, planned_minutes)
              values (:id, :number, 'HELD', :at, 60)""")
          .param("id", id).param("number", number).param("at", london(opened.plusWeeks(number))).update();
    }
  }

  /** A request as the product keeps it, and the offer to colin if a coach was chosen (by the client or by hand). */
  private void request(String id, String kind, LocalDateTime created, String status, String relationshipId,
      String client, String chosenBy, String answer) {
    jdbc.sql("insert into consent (person_id, purpose, notice_version, given_at) values (:client, 'COACHING', "
        + "'2026-01', :at)").param("client", client).param("at", london(created)).update();
    long consent = jdbc.sql("select max(id) from consent").query(Long.class).single();
    jdbc.sql("""
            insert into coaching_request (id, client_id, kind, development_need, organisation, consent_id, status,
              relationship_id, created_at)
            values (:id, :client, :kind, 'Leading a new team', 'Dudley Group NHS Foundation Trust', :consent, :status,
              :relationship, :at)""")
        .param("id", id).param("client", client).param("kind", kind).param("consent", consent)
        .param("status", status).param("relationship", relationshipId).param("at", london(created)).update();
    if (chosenBy != null) {
      jdbc.sql("""
              insert into match_offer (request_id, coach_id, chosen_by, offered_at, answer, answered_at)
              values (:id, 'colin', :by, :at, :answer, :answered)""")
          .param("id", id).param("by", chosenBy).param("at", london(created.plusDays(1)))
          .param("answer", answer).param("answered", answer == null ? null : london(created.plusDays(2))).update();
    }
  }

  private void answer(String questionnaire, String kind, String question, String answer, String month) {
    jdbc.sql("""
            insert into evaluation_answer (questionnaire, kind, question, answer, answered_in)
            values (:questionnaire, :kind, :question, :answer, :month)""")
        .param("questionnaire", questionnaire).param("kind", kind).param("question", question)
        .param("answer", answer).param("month", month).update();
  }

  private void profile(String userId, String status, boolean lapsed, int capacity) {
    jdbc.sql("""
            insert into coach_profile (user_id, first_name, last_name, email, organisation, is_coach, is_mentor,
              qualification, interview_passed, trained_supervisor, charges_fees, offers_virtual, offers_hybrid,
              offers_in_person, capacity, status, coach_lapsed, applied_at)
            values (:id, 'Test', 'Coach', 'coach@example.org', 'Walsall Healthcare NHS Trust', true, false,
              'ILM_LEVEL_7', true, false, false, true, false, false, :capacity, :status, :lapsed, :at)""")
        .param("id", userId).param("capacity", capacity).param("status", status).param("lapsed", lapsed)
        .param("at", london(LocalDateTime.of(2025, 6, 1, 9, 0))).update();
  }

  private JsonNode get(String path) throws Exception {
    RestClientSupport.Answer answer = api.get(path, LifecycleDriver.COORDINATOR, "demo");
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  /** The figures are read on 11 April 2026 at 09:00, London, as the driven relationships left them. */
  private <T> T onApril11(java.util.concurrent.Callable<T> read) throws Exception {
    at(MARCH_10.plusDays(32));
    try {
      return read.call();
    } finally {
      LifecycleDriver.resetClock();
    }
  }

  @Test
  @DisplayName("MAT-3 END-1 GO-1 EVA-4 REG-2 every figure of the summary is what the seeded programme holds")
  void summary_figures() throws Exception {
    JsonNode summary = onApril11(() -> get("/api/programme/summary?" + PERIOD));

    assertThat(summary.get("from").asText()).isEqualTo("2026-03-01");
    assertThat(summary.get("to").asText()).isEqualTo("2026-05-31");
    assertThat(summary.get("kind").asText()).isEqualTo("BOTH");
    assertThat(summary.get("minimumGroup").asInt()).isEqualTo(5);
    assertThat(summary.get("stalledAfterDays").asLong()).isEqualTo(21);

    JsonNode phases = summary.get("phases");
    assertThat(phases.get("requested").asLong()).as("Q-6 and Q-7: no coach chosen yet").isEqualTo(2);
    assertThat(phases.get("matching").asLong()).as("Q-4 with the coordinators, Q-5 waiting for colin").isEqualTo(2);
    assertThat(phases.get("contracting").asLong()).as("r3").isEqualTo(1);
    assertThat(phases.get("sessions").asLong()).as("r1").isEqualTo(1);
    assertThat(phases.get("closing").asLong()).as("r2, ended early, its end evaluations due").isEqualTo(1);

    JsonNode matching = summary.get("matching");
    assertThat(matching.get("requests").asLong()).as("Q-1 to Q-6; Q-7 came in January").isEqualTo(6);
    assertThat(matching.get("matched").asLong()).isEqualTo(3);
    assertThat(matching.get("matchRate").asDouble()).isEqualTo(0.5);
    assertThat(matching.get("medianDaysToMatch").asDouble()).as("3, 5 and 10 days").isEqualTo(5.0);
    assertThat(matching.get("p90DaysToMatch").asDouble()).as("5 + 0.8 × (10 − 5)").isEqualTo(9.0);
    assertThat(matching.get("byHand").asLong()).as("Q-3 matched by cora, Q-4 with the coordinators").isEqualTo(2);

    JsonNode contracting = summary.get("contracting");
    assertThat(contracting.get("inForce").asLong()).as("r1 after 4 days, r2 after 3; r3 not yet").isEqualTo(2);
    assertThat(contracting.get("medianDaysToContract").asDouble()).isEqualTo(3.5);
    assertThat(contracting.get("p90DaysToContract").asDouble()).isEqualTo(3.9);

    JsonNode sessions = summary.get("sessions");
    assertThat(sessions.get("relationships").asLong()).as("r2, OLD-4 and OLD-5 closed in the period").isEqualTo(3);
    assertThat(sessions.get("held").asLong()).isEqualTo(9);
    assertThat(sessions.get("meanPerRelationship").asDouble()).isEqualTo(3.0);
    assertThat(sessions.get("medianPerRelationship").asDouble()).isEqualTo(1.0);

    JsonNode outcomes = summary.get("outcomes");
    assertThat(outcomes.get("closed").asLong()).isEqualTo(3);
    assertThat(outcomes.get("completed").asLong()).isEqualTo(1);
    assertThat(outcomes.get("endedEarly").asLong()).isEqualTo(1);
    assertThat(outcomes.get("stoppedAtFirstMeeting").asLong()).isEqualTo(1);
    assertThat(outcomes.get("withdrawn").asLong()).isZero();
    assertThat(json.convertValue(outcomes.get("endedEarlyByReason"), Map.class))
        .isEqualTo(Map.of("NOT_MEETING_NEEDS", 1));

    JsonNode evaluations = summary.get("evaluations");
    assertThat(evaluations).hasSize(2);
    JsonNode overall = evaluations.get(0);
    assertThat(overall.get("questionnaire").asText()).isEqualTo("CLIENT_END");
    assertThat(overall.get("question").asText()).isEqualTo("anonymousOverall");
    assertThat(overall.get("answers").asLong()).as("five coaching clients and a mentee; not February's")
        .isEqualTo(6);
    assertThat(overall.get("average").asDouble()).as("(5 + 4 + 4 + 3 + 5 + 1) / 6").isEqualTo(3.67);
    assertThat(overall.get("withheld").asBoolean()).isFalse();

    JsonNode register = summary.get("register");
    assertThat(json.convertValue(register.get("byStatus"), Map.class))
        .isEqualTo(Map.of("LISTED", 3, "SUSPENDED", 1));
    assertThat(register.get("listed").asLong()).isEqualTo(3);
    assertThat(register.get("cpdDue").asLong()).as("colin and chloe have logged no CPD; lee has lapsed")
        .isEqualTo(2);
    assertThat(register.get("cpdLapsed").asLong()).isEqualTo(1);
    assertThat(register.get("capacity").asLong()).as("4 + 3 + 1 places").isEqualTo(8);
    assertThat(register.get("clients").asLong()).as("colin holds r1, chloe r3").isEqualTo(2);
    assertThat(register.get("capacityUsed").asDouble()).isEqualTo(0.25);
  }

  @Test
  @DisplayName("EVA-4 a group of 4 answers shows no figure at all: its count and average are withheld")
  void small_groups_are_withheld() throws Exception {
    JsonNode evaluations = onApril11(() -> get("/api/programme/summary?" + PERIOD)).get("evaluations");

    JsonNode engagement = evaluations.get(0).get("questionnaire").asText().equals("COACH_MIDDLE")
        ? evaluations.get(0) : evaluations.get(1);
    assertThat(engagement.get("question").asText()).isEqualTo("anonymousEngagement");
    assertThat(engagement.get("withheld").asBoolean()).isTrue();
    assertThat(engagement.has("answers")).as("no count either").isFalse();
    assertThat(engagement.has("average")).isFalse();

    // the same four with a fifth answer are shown
    answer("COACH_MIDDLE", "COACHING", "anonymousEngagement", "1", "2026-05");
    try {
      JsonNode shown = onApril11(() -> get("/api/programme/summary?" + PERIOD)).get("evaluations");
      JsonNode five = shown.get(0).get("questionnaire").asText().equals("COACH_MIDDLE") ? shown.get(0) : shown.get(1);
      assertThat(five.get("answers").asLong()).isEqualTo(5);
      assertThat(five.get("average").asDouble()).isEqualTo(3.0);
    } finally {
      jdbc.sql("delete from evaluation_answer where answered_in = '2026-05'").update();
    }
  }

  @Test
  @DisplayName("EVA-4 MAT-3 a kind counts only its own relationships, requests and answers: mentoring alone")
  void one_kind() throws Exception {
    JsonNode summary = onApril11(() -> get("/api/programme/summary?" + PERIOD + "&kind=mentoring"));

    assertThat(summary.get("kind").asText()).isEqualTo("MENTORING");
    assertThat(summary.get("matching").get("requests").asLong()).isEqualTo(1);
    assertThat(summary.get("matching").get("medianDaysToMatch").asDouble()).isEqualTo(5.0);
    assertThat(summary.get("contracting").get("medianDaysToContract").asDouble()).isEqualTo(3.0);
    assertThat(summary.get("phases").get("closing").asLong()).isEqualTo(1);
    assertThat(summary.get("phases").get("sessions").asLong()).isZero();
    assertThat(summary.get("outcomes").get("endedEarly").asLong()).isEqualTo(1);
    assertThat(summary.get("outcomes").get("completed").asLong()).isZero();
    JsonNode overall = summary.get("evaluations").get(0);
    assertThat(overall.get("withheld").asBoolean()).as("one mentee answered").isTrue();
    assertThat(summary.get("register").get("byStatus").get("LISTED").asLong()).as("colin mentors").isEqualTo(1);
    assertThat(summary.get("register").get("capacity").asLong()).isEqualTo(4);
  }

  @Test
  @DisplayName("The contracting tasks' times, and the relationship's time in contracting: median and 90th percentile of the hours from creation to completion")
  void task_durations() throws Exception {
    JsonNode activities = onApril11(() -> get("/api/programme/durations?model=contracting&" + PERIOD));

    Map<String, JsonNode> byTask = new java.util.HashMap<>();
    activities.forEach(activity -> byTask.put(activity.get("activityId").asText(), activity));
    JsonNode draft = byTask.get("Task_DraftContract");
    assertThat(draft.get("completed").asLong()).as("r1, r2 and r3").isEqualTo(3);
    assertThat(draft.get("medianHours").asDouble()).as("48, 24 and 24 hours").isEqualTo(24.0);
    assertThat(draft.get("p90Hours").asDouble()).as("24 + 0.8 × 24").isEqualTo(43.2);
    assertThat(draft.get("maxHours").asDouble()).isEqualTo(48.0);
    assertThat(draft.get("name").asText()).isNotBlank();
    JsonNode clientSigns = byTask.get("Task_ClientSigns");
    assertThat(clientSigns.get("completed").asLong()).isEqualTo(2);
    assertThat(clientSigns.get("medianHours").asDouble()).isEqualTo(24.0);
    JsonNode coachSigns = byTask.get("Task_CoachSigns");
    assertThat(coachSigns.get("completed").asLong()).isEqualTo(2);
    assertThat(coachSigns.get("p90Hours").asDouble()).isEqualTo(24.0);

    JsonNode before = get("/api/programme/durations?model=contracting&from=2026-01-01&to=2026-03-11");
    assertThat(before).as("only r2's draft was completed by 11 March").hasSize(1);
    assertThat(before.get(0).get("activityId").asText()).isEqualTo("Task_DraftContract");

    Map<String, JsonNode> called = new java.util.HashMap<>();
    onApril11(() -> get("/api/programme/durations?model=relationship&" + PERIOD))
        .forEach(activity -> called.put(activity.get("activityId").asText(), activity));
    JsonNode contracting = called.get("Task_Contracting");
    assertThat(contracting.get("completed").asLong()).as("r1 after 96 hours, r2 after 72; r3 still contracting")
        .isEqualTo(2);
    assertThat(contracting.get("medianHours").asDouble()).isEqualTo(84.0);
    assertThat(contracting.get("p90Hours").asDouble()).isEqualTo(93.6);
    assertThat(called).as("r2's sessions were ended early, not completed; r1's go on")
        .doesNotContainKey("Task_Sessions");

    for (String model : List.of("relationship", "sessions", "session")) {
      assertThat(get("/api/programme/durations?model=" + model + "&" + PERIOD).isArray()).isTrue();
    }
  }

  @Test
  @DisplayName("Stalled: r1 has had no task completed since 14 March, 28 days; r3 worked yesterday; r2 has closed")
  void stalled_relationships() throws Exception {
    JsonNode stalled = onApril11(() -> get("/api/programme/stalled"));

    assertThat(stalled).hasSize(1);
    JsonNode one = stalled.get(0);
    assertThat(one.get("relationshipId").asText()).isEqualTo(r1);
    assertThat(one.get("idleDays").asLong()).isEqualTo(28);
    assertThat(Instant.parse(one.get("lastActivity").asText()))
        .isEqualTo(MARCH_10.plusDays(4).atZone(LifecycleDriver.LONDON).toInstant());
    assertThat(one.get("processInstanceId").asText()).isEqualTo(driver.relationshipProcessInstanceId(r1));
    List<String> open = engine.getHistoryService().createHistoricTaskInstanceQuery().unfinished()
        .rootProcessInstanceId(driver.relationshipProcessInstanceId(r1)).list().stream()
        .map(task -> task.getName()).sorted().toList();
    assertThat(one.get("waitingAt").findValuesAsText("taskName").stream().sorted().toList())
        .as("where it waits").isEqualTo(open).isNotEmpty();

    assertThat(onApril11(() -> get("/api/programme/stalled?days=30"))).as("28 days are not 30").isEmpty();
    assertThat(onApril11(() -> get("/api/programme/stalled?days=1")).findValuesAsText("relationshipId"))
        .as("r3's draft was yesterday").containsExactly(r1, r3);
    assertThat(onApril11(() -> get("/api/programme/stalled?kind=MENTORING"))).isEmpty();
  }

  @Test
  @DisplayName("A phase's count opens its members, each with the running process instance it waits in")
  void phase_members() throws Exception {
    JsonNode contracting = onApril11(() -> get("/api/programme/phases/contracting"));
    assertThat(contracting.get("count").asLong()).isEqualTo(1);
    assertThat(contracting.get("members").get(0).get("id").asText()).isEqualTo(r3);
    assertThat(contracting.get("members").get(0).get("processInstanceId").asText())
        .isEqualTo(driver.relationshipProcessInstanceId(r3));

    JsonNode requested = get("/api/programme/phases/requested");
    assertThat(requested.get("members").findValuesAsText("id")).as("the oldest first").containsExactly("Q-7", "Q-6");

    JsonNode closing = get("/api/programme/phases/closing");
    assertThat(closing.get("members").findValuesAsText("id")).containsExactly(r2);
    assertThat(closing.get("members").get(0).get("processInstanceId").asText())
        .as("an end evaluation of r2").isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("evaluation").processInstanceBusinessKey(r2).unfinished().list().stream()
            .map(instance -> instance.getId()).sorted().findFirst().orElseThrow());

    RestClientSupport.Answer unknown = api.get("/api/programme/phases/pondering", LifecycleDriver.COORDINATOR, "demo");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"field\":\"phase\"");
  }

  @Test
  @DisplayName("The figures, the stalled list and the task times download as CSV with a header row")
  void csv_exports() throws Exception {
    RestClientSupport.Answer summary = onApril11(() -> api.get("/api/programme/summary.csv?" + PERIOD,
        LifecycleDriver.COORDINATOR, "demo"));
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.header("Content-Type")).startsWith("text/csv");
    assertThat(summary.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"programme-2026-03-01-to-2026-05-31.csv\"");
    List<String> lines = summary.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("section,figure,value");
    assertThat(lines).contains("period,from,2026-03-01", "\"phase now\",requested,2", "matching,matched,3",
        "matching,p90DaysToMatch,9.0", "contracting,medianDaysToContract,3.5", "outcomes,stoppedAtFirstMeeting,1",
        "\"ended early by reason\",NOT_MEETING_NEEDS,1", "\"evaluation average\",\"CLIENT_END anonymousOverall\",3.67",
        "\"evaluation average\",\"COACH_MIDDLE anonymousEngagement\",withheld", "register,capacity,8");

    RestClientSupport.Answer stalled = onApril11(() -> api.get("/api/programme/stalled.csv",
        LifecycleDriver.COORDINATOR, "demo"));
    List<String> rows = stalled.body().lines().toList();
    assertThat(rows.get(0)).isEqualTo("relationshipId,kind,status,lastActivity,idleDays,waitingAt,waitingSince");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).startsWith(r1 + ",COACHING,ACTIVE,2026-03-14T09:00:00Z,28,");

    RestClientSupport.Answer durations = api.get("/api/programme/durations.csv?model=contracting&" + PERIOD,
        LifecycleDriver.COORDINATOR, "demo");
    assertThat(durations.body().lines().toList().get(0))
        .isEqualTo("activityId,name,completed,medianHours,p90Hours,maxHours");
    assertThat(durations.body()).contains("Task_DraftContract,").contains(",3,24.0,43.2,48.0");
  }

  @Test
  @DisplayName("DP-5 EVA-4 no answer names a client, a coach or a sponsor, or carries what anyone wrote")
  void nobody_is_named() throws Exception {
    String everything = onApril11(() -> String.join("\n",
        get("/api/programme/summary?" + PERIOD).toString(),
        get("/api/programme/stalled?days=1").toString(),
        get("/api/programme/phases/contracting").toString(),
        get("/api/programme/phases/sessions").toString(),
        get("/api/programme/phases/closing").toString(),
        get("/api/programme/durations?model=contracting&" + PERIOD).toString(),
        api.get("/api/programme/summary.csv?" + PERIOD, LifecycleDriver.COORDINATOR, "demo").body(),
        api.get("/api/programme/stalled.csv?days=1", LifecycleDriver.COORDINATOR, "demo").body()));

    for (String person : List.of(CLIENT, "Clara", "carl", "Carl", newClient, "Cleo", COACH, "Colin", OTHER_COACH,
        "Chloe", "sam", "Leading a new team", "Lead the new team with confidence", "Dudley")) {
      assertThat(everything).as("no trace of " + person)
          .doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(person) + "\\b");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"colin", "clara", "sam", "ada"})
  @DisplayName("DP-5 coaches, clients, sponsors and assessors are refused every programme figure: 403")
  void others_are_refused(String user) {
    for (String path : List.of("/api/programme/summary", "/api/programme/summary.csv", "/api/programme/stalled",
        "/api/programme/stalled.csv", "/api/programme/durations?model=relationship",
        "/api/programme/durations.csv?model=relationship", "/api/programme/phases/sessions")) {
      RestClientSupport.Answer answer = api.get(path, user, "demo");
      assertThat(answer.status()).as(user + " " + path).isEqualTo(403);
      assertThat(answer.body()).as(path).contains("Only coordinators and administrators")
          .doesNotContain("requested").doesNotContain("Task_");
    }
  }

  @Test
  @DisplayName("Without a login the figures answer 401; an administrator sees them as a coordinator does")
  void anonymous_and_admin() throws Exception {
    assertThat(api.get("/api/programme/summary", null, null).status()).isEqualTo(401);
    RestClientSupport.Answer admin = api.get("/api/programme/summary?" + PERIOD, "admin", "admin");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(json.readTree(admin.body()).get("matching").get("requests").asLong()).isEqualTo(6);
  }

  @Test
  @DisplayName("The programme's API is described in the OpenAPI document, with its CSV exports")
  void described_in_the_openapi_document() throws Exception {
    JsonNode paths = get("/api/docs").get("paths");
    for (String path : List.of("/api/programme/summary", "/api/programme/summary.csv", "/api/programme/stalled",
        "/api/programme/stalled.csv", "/api/programme/durations", "/api/programme/durations.csv",
        "/api/programme/phases/{phase}")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
  }

  @Test
  @DisplayName("A period, kind, model or day count that makes no sense is refused with a 400 naming it")
  void bad_input() {
    Map<String, String> refused = Map.of(
        "/api/programme/summary?from=yesterday", "from",
        "/api/programme/summary?from=2026-05-01&to=2026-04-01", "from",
        "/api/programme/summary?from=2010-01-01&to=2026-04-01", "from",
        "/api/programme/summary?to=31/05/2026", "to",
        "/api/programme/summary?kind=counselling", "kind",
        "/api/programme/durations?model=complaint", "model",
        "/api/programme/stalled?days=0", "days");
    refused.forEach((path, field) -> {
      RestClientSupport.Answer answer = api.get(path, LifecycleDriver.COORDINATOR, "demo");
      assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).as(path).contains("\"field\":\"" + field + "\"");
    });
  }

  @Test
  @DisplayName("DP-5 The Cockpit login reads the programme's figures, and nothing else: no other API, no write, no coach")
  void the_webapp_login_reads_only_the_figures() {
    WebappSession cora = new WebappSession("http://localhost:" + port);
    assertThat(cora.login("cockpit", LifecycleDriver.COORDINATOR, "demo")).isEqualTo(200);
    assertThat(cora.send("GET", "/api/programme/summary?" + PERIOD, null, false).status()).isEqualTo(200);
    assertThat(cora.get("/api/programme/stalled.csv")).as("the download link").isEqualTo(200);
    String session = cora.sessionId();
    assertThat(cora.send("GET", "/camunda/api/engine/engine/default/task/count", null, false).status())
        .as("Cockpit's own session goes on as it was").isEqualTo(200);
    assertThat(cora.sessionId()).isEqualTo(session);
    assertThat(cora.send("GET", "/api/relationships/" + r1 + "/records/summary", null, false).status())
        .as("other API paths still need HTTP Basic").isEqualTo(401);
    assertThat(cora.send("POST", "/api/programme/summary", "{}", true).status())
        .as("no write rides on the session").isEqualTo(401);
    assertThat(cora.send("GET", "/engine-rest/task", null, false).status()).isEqualTo(401);
    for (String around : List.of("/api/programme/../relationships/" + r1 + "/records/summary",
        "/api/programme/%2e%2e/relationships/" + r1 + "/records/summary",
        "/api/programme;x=y/../relationships/" + r1 + "/records/summary")) {
      assertThat(cora.send("GET", around, null, false).status()).as("no way round by the path: " + around)
          .isIn(400, 401);
    }

    WebappSession colin = new WebappSession("http://localhost:" + port);
    colin.login("tasklist", COACH, "demo");
    RestClientSupport.Answer refused = colin.send("GET", "/api/programme/summary", null, false);
    assertThat(refused.status()).as("a coach's session is a coach's").isEqualTo(403);

    WebappSession nobody = new WebappSession("http://localhost:" + port);
    nobody.get("/camunda/app/cockpit/default/");
    assertThat(nobody.send("GET", "/api/programme/summary", null, false).status()).isEqualTo(401);
  }
}
