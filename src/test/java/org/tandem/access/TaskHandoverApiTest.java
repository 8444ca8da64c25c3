package org.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.identity.Roles;
import org.tandem.support.AccessWorld;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/**
 * A coordinator hands a task over through the API, saying why; only to someone the task's model allows, and the
 * handover is kept with who made it, when and why.
 */
class TaskHandoverApiTest extends ApiTest {

  AccessWorld.Ids ids;
  String otherCoordinator;

  @BeforeEach
  void aGroupTaskAndAContractDraft() {
    AccessWorld world = new AccessWorld(driver);
    ids = world.fresh();
    otherCoordinator = driver.newPerson("coby", Roles.COORDINATORS);
  }

  private RestClientSupport.Answer handOver(String taskId, String user, String to, String reason) {
    String body = "{" + (to == null ? "" : "\"userId\":\"" + to + "\",")
        + (reason == null ? "\"x\":0" : "\"reason\":\"" + reason + "\"") + "}";
    return rest.post("/api/tasks/" + taskId + "/assignee", body, user, "demo");
  }

  private Task task(String id) {
    return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
  }

  private int handoversOf(String taskId) {
    return jdbc.sql("select count(*) from task_handover where task_id = :task").param("task", taskId)
        .query(Integer.class).single();
  }

  @Test
  @DisplayName("a coordinator hands the group's task to another coordinator; who, when and why are kept")
  void handed_over_with_a_reason() throws Exception {
    String groupTask = ids.get("groupTask");
    driver.as(COORDINATOR, () -> engine.getTaskService().claim(groupTask, COORDINATOR));

    RestClientSupport.Answer answer = handOver(groupTask, COORDINATOR, otherCoordinator, "Cora is on leave");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(task(groupTask).getAssignee()).isEqualTo(otherCoordinator);
    JsonNode handovers = json.readTree(rest.get("/api/tasks/" + groupTask + "/handovers", otherCoordinator, "demo")
        .body());
    assertThat(handovers).hasSize(1);
    assertThat(handovers.get(0).get("fromUser").asText()).isEqualTo(COORDINATOR);
    assertThat(handovers.get(0).get("toUser").asText()).isEqualTo(otherCoordinator);
    assertThat(handovers.get(0).get("reason").asText()).isEqualTo("Cora is on leave");
    assertThat(handovers.get(0).get("handedBy").asText()).isEqualTo(COORDINATOR);
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(groupTask)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).list())
        .extracting(UserOperationLogEntry::getUserId).contains(COORDINATOR);
  }

  @Test
  @DisplayName("a coordinator hands a claimed task back to its group")
  void handed_back_to_the_group() {
    String groupTask = ids.get("groupTask");
    driver.as(COORDINATOR, () -> engine.getTaskService().claim(groupTask, COORDINATOR));

    assertThat(handOver(groupTask, otherCoordinator, null, "Anyone of us can take it").status()).isEqualTo(200);
    assertThat(task(groupTask).getAssignee()).isNull();
  }

  @Test
  @DisplayName("no handover without a reason, to someone the model does not name, or of a coach's own task")
  void refused_handovers_change_nothing() throws Exception {
    String groupTask = ids.get("groupTask");
    driver.as(COORDINATOR, () -> engine.getTaskService().claim(groupTask, COORDINATOR));

    RestClientSupport.Answer noReason = handOver(groupTask, COORDINATOR, otherCoordinator, null);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(json.readTree(noReason.body()).get("field").asText()).isEqualTo("reason");

    RestClientSupport.Answer outsider = handOver(groupTask, COORDINATOR, OTHER_CLIENT, "Carl knows the applicant");
    assertThat(outsider.status()).as(outsider.body()).isEqualTo(403);
    assertThat(outsider.body()).contains("goes to the people its model names").doesNotContain("Exception");

    String draft = ids.get("draft");
    RestClientSupport.Answer otherCoach = handOver(draft, COORDINATOR, OTHER_COACH, "Colin is off sick");
    assertThat(otherCoach.status()).as(otherCoach.body()).isEqualTo(403);
    RestClientSupport.Answer nobody = handOver(draft, COORDINATOR, null, "Colin is off sick");
    assertThat(nobody.status()).isEqualTo(400);

    assertThat(task(groupTask).getAssignee()).isEqualTo(COORDINATOR);
    assertThat(task(draft).getAssignee()).isEqualTo(COACH);
    assertThat(handoversOf(groupTask) + handoversOf(draft)).isZero();
  }

  @Test
  @DisplayName("only coordinators hand tasks over")
  void only_coordinators() {
    String draft = ids.get("draft");
    for (String user : new String[] {COACH, CLIENT, SPONSOR}) {
      RestClientSupport.Answer answer = handOver(draft, user, COACH, "mine");
      assertThat(answer.status()).as(user).isEqualTo(403);
    }
    assertThat(rest.get("/api/tasks/" + draft + "/handovers", COACH, "demo").status()).isEqualTo(403);
  }
}
