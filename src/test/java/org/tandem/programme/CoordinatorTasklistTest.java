package org.tandem.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.RestClientSupport;

/**
 * Tasklist for coordinators: the tasks the rules give a deadline carry it as their due date, so "past due" means
 * something, and coordinators (only they) have filters for what waits on them or has waited too long.
 */
class CoordinatorTasklistTest extends ApiTest {

  private Instant due(Task task) {
    return task.getDueDate().toInstant();
  }

  /** A request of carl's for coaching, with the shortlist's first coach chosen: the coach is to answer. */
  private String chosen() throws Exception {
    RestClientSupport.Answer created = rest.post("/api/requests", """
        {"consent": true, "kind": "COACHING", "developmentNeed": "Confidence in meetings",
         "preferredSpecialism": "CONFIDENCE", "organisation": "Dudley Group"}""", "carl", "demo");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();
    String coach = json.readTree(rest.get("/api/requests/" + id + "/shortlist", "carl", "demo").body())
        .get(0).get("coachId").asText();
    assertThat(rest.post("/api/requests/" + id + "/choice", "{\"coachId\": \"" + coach + "\"}", "carl", "demo")
        .status()).isEqualTo(200);
    return id;
  }

  @Test
  @DisplayName("MAT-3 the chosen coach's answer is due when the 14 days to answer end")
  void the_coach_answer_is_due_in_14_days() throws Exception {
    String id = chosen();

    assertThat(due(driver.task(id, "Task_CoachAnswers"))).isEqualTo(driver.now().plus(Duration.ofDays(14)));
  }

  @Test
  @DisplayName("DP-2 an erasure request is due for verification one calendar month after it came in")
  void an_erasure_request_is_due_in_a_month() throws Exception {
    String client = driver.newPerson("erin", "clients");
    RestClientSupport.Answer asked = rest.post("/api/erasure-requests", "{\"reason\": \"Leaving the NHS\"}",
        client, "demo");
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    String erasure = json.readTree(asked.body()).get("id").asText();

    assertThat(due(driver.task(erasure, "Task_VerifyErasure")))
        .as("2 March 2026 09:00 in London, a month on").isEqualTo(Instant.parse("2026-04-02T08:00:00Z"));
  }

  @Test
  @DisplayName("EVA-5 SES-4 an evaluation is due when it closes; a session's record when its grace period ends")
  void evaluations_and_records_are_due() {
    String id = driver.inForce(null);
    Task evaluation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_Evaluate").singleResult();
    assertThat(due(evaluation)).isEqualTo(driver.now().plus(Duration.ofDays(14)));

    driver.advance(Duration.ofDays(2));
    driver.runDueJobs(id);
    Task record = driver.task(id, "Task_RecordSession");
    Instant planned = driver.plannedAt(id, 1);
    assertThat(due(record)).as("the session's 90 minutes and the 7 days' grace")
        .isEqualTo(planned.plus(Duration.ofMinutes(90)).plus(Duration.ofDays(7)));
  }

  private Map<String, String> filters(String user) throws Exception {
    RestClientSupport.Answer answer = rest.get("/engine-rest/filter?resourceType=Task", user, "demo");
    assertThat(answer.status()).isEqualTo(200);
    Map<String, String> byName = new java.util.HashMap<>();
    json.readTree(answer.body()).forEach(filter -> byName.put(filter.get("name").asText(), filter.get("id").asText()));
    return byName;
  }

  private List<String> listed(String filterId) throws Exception {
    RestClientSupport.Answer answer = rest.get("/engine-rest/filter/" + filterId + "/list", COORDINATOR, "demo");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).findValuesAsText("id");
  }

  @Test
  @DisplayName("MAT-3 CMP-1 DP-2 coordinators have their filters in Tasklist; a coach or a client has none of them")
  void coordinators_have_their_filters() throws Exception {
    List<String> theirs = List.of(CoordinatorFilters.PAST_DUE, CoordinatorFilters.WAITING_LONG,
        CoordinatorFilters.MATCH_BY_HAND, CoordinatorFilters.COMPLAINTS, CoordinatorFilters.ERASURE_REQUESTS);
    assertThat(filters(COORDINATOR).keySet()).containsAll(theirs).contains("My tasks", "My group's tasks");
    for (String user : List.of(COACH, CLIENT, LifecycleDriver.SPONSOR)) {
      assertThat(filters(user).keySet()).as(user).doesNotContainAnyElementsOf(theirs).contains("My tasks");
    }
  }

  @Test
  @DisplayName("MAT-3 EVA-5 past due lists the tasks whose due date has passed; waiting too long, those 21 days old")
  void past_due_and_waiting_too_long() throws Exception {
    Map<String, String> filters = filters(COORDINATOR);
    String id = chosen();
    Task answer = driver.task(id, "Task_CoachAnswers");
    assertThat(listed(filters.get(CoordinatorFilters.PAST_DUE))).doesNotContain(answer.getId());
    assertThat(listed(filters.get(CoordinatorFilters.WAITING_LONG))).doesNotContain(answer.getId());

    driver.advance(Duration.ofDays(14).plusMinutes(1));
    assertThat(listed(filters.get(CoordinatorFilters.PAST_DUE))).contains(answer.getId());
    assertThat(listed(filters.get(CoordinatorFilters.WAITING_LONG))).doesNotContain(answer.getId());

    driver.advance(Duration.ofDays(7));
    assertThat(listed(filters.get(CoordinatorFilters.WAITING_LONG))).contains(answer.getId());
  }

  @Test
  @DisplayName("DP-2 the erasure requests to verify are listed for coordinators, the one due first at the top")
  void erasure_requests_waiting() throws Exception {
    String first = driver.newPerson("erin", "clients");
    String second = driver.newPerson("eric", "clients");
    JsonNode one = json.readTree(rest.post("/api/erasure-requests", "{}", first, "demo").body());
    driver.advance(Duration.ofDays(1));
    JsonNode two = json.readTree(rest.post("/api/erasure-requests", "{}", second, "demo").body());

    List<String> listed = listed(filters(COORDINATOR).get(CoordinatorFilters.ERASURE_REQUESTS));
    String firstTask = driver.task(one.get("id").asText(), "Task_VerifyErasure").getId();
    String secondTask = driver.task(two.get("id").asText(), "Task_VerifyErasure").getId();
    assertThat(listed).contains(firstTask, secondTask);
    assertThat(listed.indexOf(firstTask)).isLessThan(listed.indexOf(secondTask));
  }
}
