package org.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.TandemApplication;
import org.tandem.support.ChangedSessions;
import org.tandem.support.DrivenLifecycleTest;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.OwnJvm;
import org.tandem.support.RestClientSupport;

/**
 * An administrator changes the sessions model while 50 relationships are under way, deploys it through engine REST as
 * Camunda Modeler does, and migrates the running relationships to it: the dry run says which can move and why the
 * others cannot, the migration moves them as an engine batch, and every relationship then runs to its end on the new
 * version, with its timers, its forms and its records.
 */
@OwnJvm
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:tandem-migration-${random.uuid}",
        "camunda.bpm.job-execution.enabled=false", "tandem.notifications.worker-enabled=false",
        "tandem.privacy.key-file=target/confidential-store-migration-test.key"})
class ModelMigrationTest extends DrivenLifecycleTest {

  static final String RENAMED = ChangedSessions.RENAMED;
  static final String NEW_NAME = ChangedSessions.NEW_NAME;
  static final String NEW_TASK = ChangedSessions.NEW_TASK;

  @LocalServerPort
  int port;

  private final ObjectMapper json = new ObjectMapper();

  private RestClientSupport.Answer deploy(String user, String password, Map<String, String> files) {
    return ChangedSessions.deploy(rest(), user, password, files);
  }

  private RestClientSupport rest() {
    return new RestClientSupport("http://localhost:" + port);
  }

  private JsonNode read(RestClientSupport.Answer answer, int status) throws IOException {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return json.readTree(answer.body());
  }

  private List<String> instancesOf(int version) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("sessions").processDefinitionVersion(version).singleResult();
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition.getId()).list()
        .stream().map(ProcessInstance::getBusinessKey).toList();
  }

  /** Works the batch's jobs as the job executor would: its seed job, the migration jobs, the monitor job. */
  private void runBatch(String batchId) {
    for (int round = 0; round < 100; round++) {
      Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
      if (batch == null) {
        return;
      }
      for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
          batch.getMonitorJobDefinitionId())) {
        for (Job job : engine.getManagementService().createJobQuery().jobDefinitionId(definition).list()) {
          engine.getManagementService().executeJob(job.getId());
        }
      }
    }
    throw new AssertionError("The batch " + batchId + " did not finish");
  }

  /** Drives a relationship to its end as its people would, on whichever version it runs; answers the steps taken. */
  private List<String> driveToTheEnd(String id) {
    List<String> steps = new ArrayList<>();
    for (int round = 0; round < 60; round++) {
      if (!"OPEN".equals(driver.relationship(id).get("STATUS")) && engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceBusinessKey(id).processDefinitionKey("relationship")
          .count() == 0) {
        return steps;
      }
      driver.runDueJobs(id);
      List<String> open = driver.tasks(id).stream().map(Task::getTaskDefinitionKey).toList();
      String step = open.stream().filter(key -> !key.endsWith("EndsEarly") && !key.equals("Task_Evaluate")
          && !key.equals("Task_GiveFeedback") && !key.equals("Task_Reflect")
          && !key.endsWith("ChangesSession")).findFirst().orElse(null);
      if (step == null) {
        driver.advance(Duration.ofDays(1));
        continue;
      }
      steps.add(step);
      switch (step) {
        case "Task_DraftContract" -> driver.draftContract(id, COACH, driver.contract());
        case "Task_ClientSigns" -> driver.clientSigns(id, CLIENT);
        case "Task_CoachSigns" -> driver.coachSigns(id, COACH);
        case "Task_SponsorAgreesGoals" -> driver.sponsorAgrees(id, SPONSOR);
        case "Task_ArrangeSession", "Task_RecordSession" -> driver.holdSession(id, COACH, nextWeek(id));
        case "Task_CoachDecidesGo" -> driver.goOn(id, step, COACH, true);
        case "Task_ClientDecidesGo" -> driver.goOn(id, step, CLIENT, true);
        case RENAMED, NEW_NAME -> driver.review(id, step, COACH, "CONCLUDE");
        case "Task_ClientReviews" -> driver.review(id, step, CLIENT, "CONCLUDE");
        case NEW_TASK -> driver.complete(id, step, COACH, Map.of("weeksUntilNext", 3));
        default -> throw new AssertionError(id + " waits in " + step + ", which this test does not know");
      }
    }
    throw new AssertionError(id + " did not come to its end: " + driver.openTasks(id));
  }

  /**
   * The next session a week after this one: the relationships here run side by side on one clock, so the contract's
   * rhythm has long passed for some of them.
   */
  private Map<String, Object> nextWeek(String id) {
    Instant held = driver.now().plus(Duration.ofDays(2));
    if (driver.hasTask(id, "Task_RecordSession")) {
      int number = ((Number) engine.getRuntimeService().getVariable(driver.instance(id, "session").getId(),
          "sessionNumber")).intValue();
      held = Collections.max(List.of(held, driver.plannedAt(id, number)));
    }
    LocalDate next = LocalDate.ofInstant(held, LifecycleDriver.LONDON).plusWeeks(1);
    return Map.of("nextSessionDate", next.toString(), "nextSessionTime", "10:00");
  }

  @Test
  @DisplayName("an administrator deploys a changed sessions model from the Modeler and migrates 50 relationships under way; each then runs to its end on the new version")
  void fifty_relationships_move_to_the_changed_model() throws Exception {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      String id = i % 2 == 0 ? driver.start(COACH, CLIENT, SPONSOR, "COACHING") : driver.drafted(SPONSOR);
      groups.computeIfAbsent("contracting", k -> new ArrayList<>()).add(id);
    }
    for (int i = 0; i < 15; i++) {
      String id = driver.inForce(SPONSOR);
      driver.holdSession(id);
      if (i % 3 != 0) {
        driver.bothGoOn(id);
      }
      if (i % 3 == 2) {
        driver.holdSession(id);
      }
      groups.computeIfAbsent("between sessions", k -> new ArrayList<>()).add(id);
    }
    for (int i = 0; i < 15; i++) {
      String id = driver.inForce(SPONSOR);
      driver.holdSession(id);
      driver.bothGoOn(id);
      for (int session = 2; session <= 4; session++) {
        driver.holdSession(id);
      }
      if (i % 2 == 1) {
        driver.review(id, RENAMED, COACH, "CONCLUDE");
      }
      groups.computeIfAbsent("at a review", k -> new ArrayList<>()).add(id);
    }
    for (int i = 0; i < 10; i++) {
      groups.computeIfAbsent("at a session's timer", k -> new ArrayList<>()).add(driver.inForce(SPONSOR));
    }
    List<String> atTimer = groups.get("at a session's timer");
    List<String> inReview = groups.get("at a review");
    List<String> waitingInRenamed = inReview.stream().filter(id -> driver.hasTask(id, RENAMED)).toList();
    assertThat(waitingInRenamed).hasSize(8);
    assertThat(groups.values().stream().mapToInt(List::size).sum()).isEqualTo(50);
    assertThat(instancesOf(1)).hasSize(40);

    String model = ChangedSessions.model();
    for (String other : List.of(COACH, CLIENT, SPONSOR, COORDINATOR, "ada")) {
      assertThat(deploy(other, "demo", Map.of("sessions.bpmn", model)).status()).as(other + " may not deploy")
          .isEqualTo(403);
    }
    JsonNode deployment = read(deploy("admin", "admin", Map.of("sessions.bpmn", model,
        "next-steps.form", ChangedSessions.NEXT_STEPS_FORM)), 200);
    List<String> resources = engine.getRepositoryService().getDeploymentResourceNames(deployment.get("id").asText());
    assertThat(resources).as("the model's other forms were added to its deployment").contains("sessions.bpmn",
        "next-steps.form", "forms/review.form", "forms/first-meeting.form", "forms/end-early.form");
    ProcessDefinition second = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("sessions").latestVersion().singleResult();
    assertThat(second.getVersion()).isEqualTo(2);
    assertThat(second.getVersionTag()).isEqualTo("1.1");

    RestClientSupport rest = rest();
    assertThat(rest.post("/api/models/sessions/migrations/dry-run", "{}", COORDINATOR, "demo").status())
        .as("only administrators migrate").isEqualTo(403);
    JsonNode unmapped = read(rest.post("/api/models/sessions/migrations/dry-run", "{}", "admin", "admin"), 200);
    assertThat(unmapped.get("target").get("version").asInt()).isEqualTo(2);
    assertThat(unmapped.get("problems")).isEmpty();
    assertThat(unmapped.get("canMove")).hasSize(32);
    assertThat(unmapped.get("cannotMove")).hasSize(8);
    System.out.println("Why an instance cannot move without a mapping: " + unmapped.get("cannotMove").get(0)
        .get("reasons"));
    for (JsonNode instance : unmapped.get("cannotMove")) {
      assertThat(waitingInRenamed).contains(instance.get("businessKey").asText());
      assertThat(instance.get("reasons").toString()).contains(RENAMED);
    }

    RestClientSupport.Answer impossible = rest.post("/api/models/sessions/migrations",
        "{\"mapping\": {\"" + RENAMED + "\": \"Task_Nowhere\"}}", "admin", "admin");
    assertThat(impossible.status()).as(impossible.body()).isEqualTo(400);
    assertThat(impossible.body()).contains("Task_Nowhere");
    assertThat(instancesOf(1)).as("an invalid migration moves nothing").hasSize(40);

    JsonNode first = read(rest.post("/api/models/sessions/migrations", "{}", "admin", "admin"), 202);
    assertThat(first.get("report").get("cannotMove")).as("left on version 1, with the reason").hasSize(8);
    String firstBatch = first.get("batches").get(0).get("batchId").asText();
    JsonNode before = read(rest.get("/api/models/sessions/migrations/" + firstBatch, "admin", "admin"), 200);
    assertThat(before.get("done").asBoolean()).isFalse();
    assertThat(before.get("totalJobs").asInt()).isEqualTo(32);
    long batchStarted = System.nanoTime();
    runBatch(firstBatch);
    long batchMillis = (System.nanoTime() - batchStarted) / 1_000_000;
    assertThat(read(rest.get("/api/models/sessions/migrations/" + firstBatch, "admin", "admin"), 200)
        .get("done").asBoolean()).isTrue();
    assertThat(instancesOf(1)).as("those waiting in the renamed task stay where they are")
        .containsExactlyInAnyOrderElementsOf(waitingInRenamed);
    assertThat(instancesOf(2)).hasSize(32);

    String mapping = "{\"targetVersion\": 2, \"mapping\": {\"" + RENAMED + "\": \"" + NEW_NAME + "\"}}";
    long dryRunStarted = System.nanoTime();
    JsonNode mapped = read(rest.post("/api/models/sessions/migrations/dry-run", mapping, "admin", "admin"), 200);
    long dryRunMillis = (System.nanoTime() - dryRunStarted) / 1_000_000;
    assertThat(mapped.get("canMove")).as(mapped.toString()).hasSize(8);
    assertThat(mapped.get("cannotMove")).isEmpty();
    assertThat(instancesOf(1)).as("a dry run moves nothing").hasSize(8);
    JsonNode started = read(rest.post("/api/models/sessions/migrations", mapping, "admin", "admin"), 202);
    assertThat(started.get("batches")).hasSize(1);
    runBatch(started.get("batches").get(0).get("batchId").asText());
    System.out.printf("Migration of the sessions model: a batch of 32 instances in %d ms; a dry run of 8 in %d ms "
        + "(%d cores)%n", batchMillis, dryRunMillis, Runtime.getRuntime().availableProcessors());
    assertThat(instancesOf(1)).isEmpty();
    assertThat(instancesOf(2)).hasSize(40);
    for (String id : waitingInRenamed) {
      assertThat(driver.hasTask(id, NEW_NAME)).as(id).isTrue();
      Task task = driver.task(id, NEW_NAME);
      assertThat(engine.getFormService().getDeployedTaskForm(task.getId())).as("its form, from its new deployment")
          .isNotNull();
    }
    for (String id : atTimer) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .subProcessInstanceId(driver.instance(id, "session").getId()).singleResult().getProcessDefinitionId())
          .as("the called session keeps its parent, now on the new version").isEqualTo(second.getId());
    }

    driver.advance(Duration.ofDays(9));
    for (String id : atTimer) {
      driver.runDueJobs(id);
      assertThat(driver.reminders(id, COACH)).as(id + ": the session's timer fired after the migration")
          .isNotEmpty();
    }
    Map<String, List<String>> steps = new HashMap<>();
    for (List<String> group : groups.values()) {
      for (String id : group) {
        steps.put(id, driveToTheEnd(id));
      }
    }
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      for (String id : group.getValue()) {
        assertThat(driver.relationship(id)).as(group.getKey() + " " + id).containsEntry("STATUS", "CLOSED")
            .containsEntry("OUTCOME", "COMPLETED");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(NEW_TASK)
            .finished().list().stream().filter(activity -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(activity.getProcessInstanceId())
                .singleResult().getBusinessKey().equals(id)).count())
            .as(group.getKey() + " " + id + " ran its review on the new version").isEqualTo(1);
        assertThat(jdbc.sql("select number from coaching_session where relationship_id = :id and held_on is not null "
            + "order by number").param("id", id).query(Integer.class).list())
            .as(id + ": one record per session").containsExactly(1, 2, 3, 4);
        assertThat(jdbc.sql("select count(*) from contract where relationship_id = :id").param("id", id)
            .query(Long.class).single()).as(id + ": one contract").isEqualTo(1);
      }
    }
    assertThat(steps.get(waitingInRenamed.get(0))).contains(NEW_NAME, NEW_TASK);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("no incidents").isZero();
  }
}
