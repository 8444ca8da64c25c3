package org.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;
import org.tandem.support.WebappSession;

/**
 * The access matrix, cell by cell, against the running application as each role calls it: engine REST (what Tasklist
 * and integrations use), the webapps' own REST (what Cockpit uses) and the product's API. Two relationships: colin
 * coaches clara with sam as sponsor; chloe coaches carl. Each has a session with what was said, and clara's has the
 * client's feedback and the coach's private reflection.
 */
class AccessMatrixTest extends ApiTest {

  static final String PASSWORD = "demo";
  static final String SAID = "Said in the session about the restructure";
  static final String REFLECTED = "Colin's private reflection: slow down";

  String ours;
  String theirs;

  @BeforeEach
  void twoRelationships() {
    ours = driver.inForce(SPONSOR);
    driver.holdSession(ours, COACH, Map.of("confidentialKeyPoints", SAID, "confidentialActions", "Book the director"));
    driver.complete(ours, "Task_GiveFeedback", CLIENT, Map.of("confidentialWorkedWell", "The timeline exercise"));
    driver.complete(ours, "Task_Reflect", COACH, Map.of("privateLearnt", REFLECTED));
    theirs = driver.inForce(OTHER_COACH, OTHER_CLIENT, null, "COACHING", driver.contract());
    driver.holdSession(theirs, OTHER_COACH, Map.of("confidentialKeyPoints", "Carl's own matters"));
  }

  private RestClientSupport.Answer get(String path, String user) {
    return rest.get(path, user, user == null ? null : "admin".equals(user) ? "admin" : PASSWORD);
  }

  private JsonNode body(String path, String user) throws Exception {
    RestClientSupport.Answer answer = get(path, user);
    assertThat(answer.status()).as(user + " GET " + path + ": " + answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private List<String> businessKeys(String user) throws Exception {
    return body("/engine-rest/process-instance", user).findValuesAsText("businessKey");
  }

  private String taskId(String relationshipId, String taskKey) {
    return driver.task(relationshipId, taskKey).getId();
  }

  private String records(String relationshipId) {
    return "/api/relationships/" + relationshipId + "/records";
  }

  /** The user finds nothing of the relationship: not its instance, nor its tasks and their variables, nor its records. */
  private void seesNothingOf(String user, String relationshipId, String taskKey) throws Exception {
    assertThat(businessKeys(user)).doesNotContain(relationshipId);
    assertThat(body("/engine-rest/task?processInstanceBusinessKey=" + relationshipId, user)).isEmpty();
    assertThat(get("/engine-rest/task/" + taskId(relationshipId, taskKey) + "/variables", user).status())
        .isEqualTo(403);
    assertThat(get(records(relationshipId), user).status()).isEqualTo(403);
  }

  // ---- client ----

  @Test
  @DisplayName("SES-2 a client sees their own relationship, its tasks and what was said, but not the coach's private reflection")
  void client_may() throws Exception {
    assertThat(businessKeys(CLIENT)).contains(ours).doesNotContain(theirs);
    assertThat(body("/engine-rest/task?processInstanceBusinessKey=" + ours, CLIENT).findValuesAsText("assignee"))
        .isNotEmpty().containsOnly(CLIENT);

    JsonNode records = body(records(ours), CLIENT);
    assertThat(records.findValuesAsText("content")).contains(SAID, "The timeline exercise").doesNotContain(REFLECTED);
    assertThat(records.findValuesAsText("field")).doesNotContain("privateLearnt");
  }

  @Test
  @DisplayName("SES-2 a client sees nothing of another client: no instances, no tasks, no variables, no records")
  void client_may_not() throws Exception {
    seesNothingOf(OTHER_CLIENT, ours, "Task_ClientEndsEarly");
    assertThat(get(records(ours) + "/summary", OTHER_CLIENT).status()).isEqualTo(403);
  }

  // ---- coach ----

  @Test
  @DisplayName("SES-2 SES-3 a coach sees their own relationship's tasks and records, their private reflection among them")
  void coach_may() throws Exception {
    assertThat(businessKeys(COACH)).contains(ours).doesNotContain(theirs);
    assertThat(body("/engine-rest/task/" + taskId(ours, "Task_CoachEndsEarly") + "/form-variables", COACH))
        .isNotNull();
    assertThat(body(records(ours), COACH).findValuesAsText("content"))
        .contains(SAID, "The timeline exercise", REFLECTED);
    assertThat(get("/api/coaches/" + COACH + "/cpd", COACH).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("SES-2 a coach sees nothing of another coach's clients, tasks, notes or CPD log")
  void coach_may_not() throws Exception {
    seesNothingOf(COACH, theirs, "Task_CoachEndsEarly");
    assertThat(get("/api/coaches/" + OTHER_COACH + "/cpd", COACH).status()).isEqualTo(403);
    assertThat(rest.put("/api/coaches/" + OTHER_COACH, "{}", COACH, PASSWORD).status()).isEqualTo(403);
  }

  // ---- sponsor ----

  @Test
  @DisplayName("CON-5 a sponsor sees the sponsor tasks of the relationship they sponsor, with the goals")
  void sponsor_may() throws Exception {
    String pending = driver.signed(SPONSOR);

    JsonNode tasks = body("/engine-rest/task?processInstanceBusinessKey=" + pending, SPONSOR);
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("Task_SponsorAgreesGoals");
    assertThat(body("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/form-variables", SPONSOR).toString())
        .contains("Lead the new team with confidence");
  }

  @Test
  @DisplayName("SES-2 EVA-4 a sponsor sees no session content, no instances and no one else's evaluation")
  void sponsor_may_not() throws Exception {
    assertThat(get(records(ours), SPONSOR).status()).isEqualTo(403);
    assertThat(businessKeys(SPONSOR)).doesNotContain(ours);
    assertThat(body("/engine-rest/variable-instance?variableName=clientId", SPONSOR)).isEmpty();
    assertThat(get("/engine-rest/task/" + taskId(ours, "Task_ClientEndsEarly") + "/variables", SPONSOR).status())
        .isEqualTo(403);
  }

  // ---- coordinator ----

  @Test
  @DisplayName("DP-5 a coordinator sees in Cockpit every instance and who is at which step, and how many records exist and when")
  void coordinator_may() throws Exception {
    assertThat(businessKeys(COORDINATOR)).contains(ours, theirs);
    assertThat(body("/engine-rest/task?processInstanceBusinessKey=" + ours, COORDINATOR).findValuesAsText("assignee"))
        .contains(CLIENT, COACH);

    WebappSession cockpit = new WebappSession(baseUrl());
    assertThat(cockpit.login("cockpit", COORDINATOR, PASSWORD)).isEqualTo(200);
    String definition = driver.instance(ours, "relationship").getProcessDefinitionId();
    JsonNode statistics = json.readTree(cockpit.getBody(
        "/camunda/api/engine/engine/default/process-definition/" + definition + "/statistics"));
    assertThat(statistics.findValuesAsText("id")).contains("Task_Sessions");
    assertThat(get("/api/complaints", COORDINATOR).status()).isEqualTo(200);

    JsonNode summary = body(records(ours) + "/summary", COORDINATOR);
    assertThat(summary).hasSize(4);
    assertThat(summary.findValuesAsText("writtenAt")).hasSize(4);
    assertThat(summary.findValues("content")).isEmpty();
  }

  @Test
  @DisplayName("SES-2 EVA-4 a coordinator sees no variable values in Cockpit or engine REST, and cannot read session content")
  void coordinator_may_not() throws Exception {
    String instance = driver.instance(ours, "relationship").getId();
    assertThat(body("/engine-rest/variable-instance?processInstanceIdIn=" + instance, COORDINATOR)).isEmpty();
    assertThat(body("/engine-rest/history/variable-instance?processInstanceId=" + instance, COORDINATOR)).isEmpty();
    assertThat(get("/engine-rest/task/" + taskId(ours, "Task_ClientEndsEarly") + "/variables", COORDINATOR).status())
        .isEqualTo(403);

    WebappSession cockpit = new WebappSession(baseUrl());
    assertThat(cockpit.login("cockpit", COORDINATOR, PASSWORD)).isEqualTo(200);
    assertThat(json.readTree(cockpit.getBody(
        "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn=" + instance))).isEmpty();
    assertThat(json.readTree(cockpit.getBody(
        "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId=" + instance))).isEmpty();

    assertThat(get(records(ours), COORDINATOR).status()).isEqualTo(403);
  }

  // ---- admin ----

  @Test
  @DisplayName("an admin manages users, groups and deployments")
  void admin_may() throws Exception {
    assertThat(body("/engine-rest/user", "admin")).isNotEmpty();
    assertThat(body("/engine-rest/group", "admin")).isNotEmpty();
    assertThat(body("/engine-rest/deployment", "admin")).isNotEmpty();
  }

  @Test
  @DisplayName("SES-2 an admin is no back door: no records through the API, and no confidential content in any variable")
  void admin_may_not() throws Exception {
    assertThat(rest.get(records(ours), "admin", "admin").status()).isEqualTo(403);
    assertThat(rest.get(records(ours) + "/summary", "admin", "admin").status()).isEqualTo(403);
    RestClientSupport.Answer variables = rest.get("/engine-rest/history/variable-instance?processInstanceIdIn="
        + String.join(",", driver.instances(ours).stream().map(i -> i.getId()).toList()), "admin", "admin");
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).doesNotContain(SAID).doesNotContain(REFLECTED).doesNotContain("timeline exercise");
  }

  // ---- anonymous ----

  @Test
  @DisplayName("anonymous callers get the login pages and health, and 401 for everything else")
  void anonymous() {
    assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
    for (String path : List.of(records(ours), records(ours) + "/summary", "/api/coaches", "/api/docs",
        "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/variable-instance")) {
      assertThat(get(path, null).status()).as(path).isEqualTo(401);
    }
    assertThat(new WebappSession(baseUrl())
        .get("/camunda/api/engine/engine/default/variable-instance")).isEqualTo(401);
  }
}
