package org.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tandem.support.AccessWorld;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;
import org.tandem.support.WebappSession;

/**
 * The attacks of a hostile user with a demo login and {@code curl}, one cell each: the real REST call, as each role,
 * against their own work and with another party's ids. A cell that writes gets a relationship of its own whose contract
 * Colin is drafting (the scenario), and checks afterwards that nothing about it changed: variables, tasks,
 * assignees, candidates, comments. The shared relationships (Colin with Clara, Chloe with Carl) are checked unchanged
 * once every cell has run.
 */
class HostileUsersTest extends ApiTest {

  static final String DEMO = "demo";
  static final String JSON = "application/json";
  static final String MULTIPART = "(a multipart body with one file)";

  AccessWorld world;

  /** Which door a request comes through: engine REST with Basic, or the webapps' REST with a logged-in session. */
  enum Door { ENGINE_REST, WEBAPP }

  /** One attack: who, how, and what must come back. */
  record Cell(String name, String user, Door door, String method, String path, String contentType, String body,
      Expectation expectation, boolean writes) {

    Cell viaWebapp() {
      return new Cell(name + " (through the webapp)", user, Door.WEBAPP, method, path, contentType, body, expectation,
          writes);
    }
  }

  /** What a cell must answer. */
  interface Expectation {
    void check(RestClientSupport.Answer answer, AccessWorld.Ids ids);
  }

  /** Refused with one of these statuses, as a problem detail without internals. */
  static Expectation refused(int... statuses) {
    return (answer, ids) -> {
      assertThat(answer.status()).as("status; body: " + answer.body()).isIn(box(statuses));
      assertNoInternals(answer);
    };
  }

  /** Answered, but nothing of the other party's relationship in the answer. */
  static Expectation nothingOfTheirs() {
    return (answer, ids) -> {
      assertThat(answer.status()).as(answer.body()).isIn(200, 204, 403, 404);
      for (String marker : ids.theirMarkers()) {
        assertThat(answer.body()).as("the answer names " + marker + " of the other relationship").doesNotContain(marker);
      }
      assertNoInternals(answer);
    };
  }

  /** Allowed: the request is part of the person's own work, and changes the relationship as the model says. */
  record Allowed(int... statuses) implements Expectation {
    @Override
    public void check(RestClientSupport.Answer answer, AccessWorld.Ids ids) {
      assertThat(answer.status()).as(answer.body()).isIn(box(statuses));
    }
  }

  static Expectation allowed(int... statuses) {
    return new Allowed(statuses);
  }

  private static Object[] box(int[] statuses) {
    Object[] boxed = new Object[statuses.length];
    for (int i = 0; i < statuses.length; i++) {
      boxed[i] = statuses[i];
    }
    return boxed;
  }

  static void assertNoInternals(RestClientSupport.Answer answer) {
    assertThat(answer.body()).as("the answer shows internals")
        .doesNotContain("Exception").doesNotContain("org.camunda").doesNotContain("org.tandem")
        .doesNotContain("\tat ").doesNotContain("ENGINE-");
  }

  // ---- the cells ----

  private final List<Cell> cells = new ArrayList<>();

  private CellBuilder as(String user) {
    return new CellBuilder(user);
  }

  final class CellBuilder {
    private final String user;

    CellBuilder(String user) {
      this.user = user;
    }

    void call(String method, String path, String body, Expectation expectation, String why) {
      cells.add(new Cell(user + " " + method + " " + path + ": " + why, user, Door.ENGINE_REST, method, path,
          body == null ? null : JSON, body, expectation, !method.equals("GET")));
    }

    void multipart(String path, Expectation expectation, String why) {
      cells.add(new Cell(user + " POST " + path + " (multipart): " + why, user, Door.ENGINE_REST, "POST", path,
          "multipart/form-data; boundary=" + AccessWorld.BOUNDARY, MULTIPART, expectation, true));
    }
  }

  private void theCells() {
    // the four requests, and their relatives: a task's variables
    as(COACH).call("PUT", "/engine-rest/task/{draft}/variables/clientId", "{\"value\":\"carl\",\"type\":\"String\"}",
        refused(403), "the assignee rewrites who the client is");
    as(COACH).call("POST", "/engine-rest/task/{draft}/variables", "{\"modifications\":{\"coachId\":{\"value\":\"chloe\"}}}",
        refused(403), "the assignee hands the relationship to another coach");
    as(COACH).call("DELETE", "/engine-rest/task/{draft}/variables/relationshipId", null, refused(403),
        "the assignee deletes the relationship's id");
    as(COACH).call("POST", "/engine-rest/task/{draft}/assignee", "{\"userId\":\"carl\"}", refused(403),
        "the assignee hands the contract draft to an outsider");
    as(COACH).call("PUT", "/engine-rest/task/{draft}/localVariables/coachId", "{\"value\":\"chloe\"}", refused(403),
        "a local variable that shadows the coach");
    as(COACH).call("POST", "/engine-rest/task/{draft}/localVariables",
        "{\"modifications\":{\"sponsorId\":{\"value\":\"carl\"}}}", refused(403), "local variables");
    as(COACH).call("DELETE", "/engine-rest/task/{draft}/localVariables/coachId", null, refused(403),
        "deleting a local variable");
    as(COACH).multipart("/engine-rest/task/{draft}/variables/clientId/data", refused(403, 415),
        "a binary variable over the client's id");
    as(COACH).call("POST", "/engine-rest/task/{draft}/delegate", "{\"userId\":\"carl\"}", refused(403),
        "delegating the task to an outsider");
    as(COACH).call("POST", "/engine-rest/task/{draft}/identity-links", "{\"userId\":\"carl\",\"type\":\"candidate\"}",
        refused(403), "making an outsider a candidate");
    as(COACH).call("POST", "/engine-rest/task/{draft}/identity-links", "{\"groupId\":\"clients\",\"type\":\"candidate\"}",
        refused(403), "offering the task to every client");
    as(COACH).call("POST", "/engine-rest/task/{draft}/identity-links", "{\"userId\":\"carl\",\"type\":\"owner\"}",
        refused(403), "making an outsider the owner");
    as(COACH).call("PUT", "/engine-rest/task/{draft}", "{\"name\":\"Draft\",\"assignee\":\"carl\",\"owner\":\"carl\"}",
        refused(403), "updating the task with another assignee and owner");
    as(COACH).call("POST", "/engine-rest/task/{draft}/claim", "{\"userId\":\"carl\"}", refused(403, 409),
        "claiming the task for someone else");
    as(COACH).call("POST", "/engine-rest/task/{draft}/unclaim", null, refused(403),
        "unclaiming a task the model gives to the coach");
    as(COACH).call("POST", "/engine-rest/task/{draft}/resolve", "{\"variables\":{\"clientId\":{\"value\":\"carl\"}}}",
        refused(403), "resolving with variables");
    as(COACH).call("POST", "/engine-rest/task/{draft}/bpmnError",
        "{\"errorCode\":\"EndedEarly\",\"variables\":{\"clientId\":{\"value\":\"carl\"}}}", refused(403),
        "throwing a BPMN error to end the relationship without a reason");
    as(COACH).call("POST", "/engine-rest/task/{draft}/bpmnEscalation", "{\"escalationCode\":\"EndedEarly\"}",
        refused(403), "throwing the model's escalation to end the relationship without a reason");
    as(COACH).call("POST", "/engine-rest/task/{draft}/comment/create", "{\"message\":\"what we said\"}", refused(403),
        "a comment, which would keep content out of the confidential store");
    as(COACH).multipart("/engine-rest/task/{draft}/attachment/create", refused(403, 415), "an attachment");
    as(COACH).call("POST", "/engine-rest/task/create", "{\"name\":\"x\",\"assignee\":\"carl\",\"processInstanceId\":\"{contracting}\"}",
        refused(403), "a task of one's own inside the relationship");
    as(COACH).call("DELETE", "/engine-rest/task/{draft}", null, refused(403), "deleting the task");

    // completing: only the form's fields, with their types, and only one's own task
    as(COACH).call("POST", "/engine-rest/task/{draft}/complete", "{\"variables\":{\"clientId\":{\"value\":\"carl\"}}}",
        refused(400), "completing with a variable that is no field of the form");
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form",
        "{\"variables\":{\"coachId\":{\"value\":\"chloe\"}}}", refused(400), "submitting a field the form does not have");
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT+coachId}", refused(400),
        "a valid draft with one field too many");
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT+camerasAgreed=text}", refused(400),
        "a checkbox answered with text");
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT+sessionFormat=BY_PIGEON}", refused(400),
        "a radio answered with a value it does not offer");
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT+goals=serialized}", refused(400),
        "a list answered with a serialized Java object");
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT+goals.extra}", refused(400),
        "a goal with a field the form's list does not have");
    as(CLIENT).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT}", refused(403, 404),
        "the client submits the coach's draft");
    as("admin").call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT}", refused(403),
        "an admin completes the coach's task");
    as("admin").call("PUT", "/engine-rest/process-instance/{contracting}/variables/clientId", "{\"value\":\"carl\"}",
        refused(403), "an admin rewrites the client");
    as("admin").call("POST", "/engine-rest/task/{draft}/assignee", "{\"userId\":\"carl\"}", refused(403),
        "an admin assigns the task outside the model");
    as("admin").call("POST", "/engine-rest/process-instance/{contracting}/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CoachSigns\","
            + "\"variables\":{\"coachId\":{\"value\":\"chloe\"}}}]}", refused(403),
        "an admin moves the contract on with another coach");

    // the process instance and its executions
    as(COACH).call("PUT", "/engine-rest/process-instance/{contracting}/variables/clientId", "{\"value\":\"carl\"}",
        refused(403), "the relationship's client");
    as(COACH).call("POST", "/engine-rest/process-instance/{contracting}/variables",
        "{\"modifications\":{\"coachId\":{\"value\":\"chloe\"}}}", refused(403), "the relationship's coach");
    as(COACH).call("DELETE", "/engine-rest/process-instance/{contracting}/variables/coachId", null, refused(403),
        "deleting the coach");
    as(COACH).call("PUT", "/engine-rest/execution/{draftExecution}/localVariables/coachId", "{\"value\":\"chloe\"}",
        refused(403), "an execution's local variable");
    as(COACH).call("POST", "/engine-rest/execution/{draftExecution}/localVariables",
        "{\"modifications\":{\"clientId\":{\"value\":\"carl\"}}}", refused(403), "an execution's local variables");
    as(COACH).call("POST", "/engine-rest/execution/{draftExecution}/signal", "{\"variables\":{\"coachId\":{\"value\":\"chloe\"}}}",
        refused(403), "signalling the execution");
    as(COACH).call("POST", "/engine-rest/process-instance/{contracting}/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CoachSigns\"}]}", refused(403),
        "skipping the client's signature");
    as(COACH).call("POST", "/engine-rest/process-instance/{contracting}/modification-async",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_DraftContract\"}]}", refused(403),
        "cancelling the draft");
    as(COACH).call("PUT", "/engine-rest/process-instance/{contracting}/suspended", "{\"suspended\":true}", refused(403),
        "suspending the relationship");
    as(COACH).call("DELETE", "/engine-rest/process-instance/{contracting}", null, refused(403),
        "deleting the relationship's contracting");
    as(COACH).call("PUT", "/engine-rest/process-instance/{contracting}/comment",
        "{\"id\":\"x\",\"message\":\"said\"}", refused(403, 400), "a comment on the instance");
    as(COACH).call("POST", "/engine-rest/process-instance/variables-async",
        "{\"processInstanceIds\":[\"{contracting}\"],\"variables\":{\"coachId\":{\"value\":\"chloe\"}}}", refused(403),
        "variables as a batch");
    as(COACH).call("POST", "/engine-rest/message",
        "{\"messageName\":\"CpdReviewRequested\",\"processVariables\":{\"coachId\":{\"value\":\"chloe\"}}}",
        refused(403), "a message with variables");
    as(COACH).call("POST", "/engine-rest/signal", "{\"name\":\"x\",\"variables\":{\"coachId\":{\"value\":\"chloe\"}}}",
        refused(403), "a signal with variables");
    as(COACH).call("POST", "/engine-rest/condition", "{\"variables\":{\"coachId\":{\"value\":\"chloe\"}}}",
        refused(403), "conditions with variables");
    as(COORDINATOR).call("POST", "/engine-rest/process-definition/{relationshipDefinition}/restart",
        "{\"processInstanceIds\":[\"{relationshipInstance}\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"Task_Contracting\"}],\"initialVariables\":true}", refused(403), "restarting");
    as(COORDINATOR).call("PUT", "/engine-rest/process-instance/{contracting}/variables/coachId", "{\"value\":\"chloe\"}",
        refused(403), "a coordinator rewrites the coach");
    as(COORDINATOR).call("POST", "/engine-rest/task/{draft}/assignee", "{\"userId\":\"chloe\"}", refused(403),
        "a coordinator reassigns without a reason");

    // starting: only the start form's fields, and no start in the middle of a model
    as(CLIENT).call("POST", "/engine-rest/process-definition/key/coaching-request/start",
        "{\"variables\":{\"clientId\":{\"value\":\"carl\"}}}", refused(400), "a request in someone else's name");
    as(CLIENT).call("POST", "/engine-rest/process-definition/key/coaching-request/submit-form",
        "{\"variables\":{\"consent\":{\"value\":true}},\"skipCustomListeners\":true}", refused(400),
        "a start that skips the listeners that grant access");
    as(CLIENT).call("POST", "/engine-rest/process-definition/key/coaching-request/start",
        "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ChooseCoach\"}]}",
        refused(400), "a start that skips consent");
    as(CLIENT).call("POST", "/engine-rest/process-definition/key/coaching-request/submit-form",
        "{\"businessKey\":\"R-000001\",\"variables\":{\"consent\":{\"value\":true}}}", refused(400),
        "a start under a business key of one's choosing");
    as(COACH).call("POST", "/engine-rest/process-definition/key/relationship/start",
        "{\"variables\":{\"coachId\":{\"value\":\"colin\"},\"clientId\":{\"value\":\"carl\"},\"kind\":{\"value\":\"COACHING\"}}}",
        refused(403), "a coach starts a relationship with a client of their choosing");

    // another party's task
    as(COACH).call("GET", "/engine-rest/task/{theirTask}", null, refused(404), "another coach's task");
    as(COACH).call("GET", "/engine-rest/task/{theirTask}/variables", null, refused(403, 404), "its variables");
    as(COACH).call("GET", "/engine-rest/task/{theirTask}/form-variables", null, refused(403, 404), "its form's variables");
    as(COACH).call("GET", "/engine-rest/task/{theirTask}/identity-links", null, refused(403, 404), "who may work on it");
    as(COACH).call("GET", "/engine-rest/task/{theirTask}/comment", null, nothingOfTheirs(), "its comments");
    as(COACH).call("GET", "/engine-rest/task/{theirTask}/attachment", null, nothingOfTheirs(), "its attachments");
    as(COACH).call("POST", "/engine-rest/task/{theirTask}/comment/create", "{\"message\":\"hello\"}", refused(403, 404),
        "writing on another coach's task");
    as(COACH).call("POST", "/engine-rest/task/{theirTask}/claim", "{\"userId\":\"colin\"}", refused(403, 404, 409),
        "claiming another coach's task");
    as(COACH).call("POST", "/engine-rest/task/{theirTask}/complete", "{}", refused(403, 404),
        "completing another coach's task");
    as(COACH).call("GET", "/engine-rest/task?assignee=chloe", null, nothingOfTheirs(), "tasks by another coach's id");
    as(COACH).call("GET", "/engine-rest/task?processInstanceBusinessKey={theirKey}", null, nothingOfTheirs(),
        "tasks by another relationship's id");
    as(COACH).call("POST", "/engine-rest/task", "{\"assignee\":\"chloe\"}", nothingOfTheirs(), "the task query by POST");
    as(COACH).call("GET", "/engine-rest/task?candidateGroup=coordinators", null, nothingOfTheirs(),
        "the coordinators' tasks");
    as(OTHER_CLIENT).call("GET", "/engine-rest/task/{groupTask}", null, refused(404), "a coordinators' task");

    // another party's instances, variables and history
    as(COACH).call("GET", "/engine-rest/process-instance/{theirInstance}", null, refused(404), "another relationship");
    as(COACH).call("GET", "/engine-rest/process-instance/{theirInstance}/variables", null, refused(403, 404),
        "its variables");
    as(COACH).call("GET", "/engine-rest/variable-instance?processInstanceIdIn={theirInstance}", null, nothingOfTheirs(),
        "its variable instances");
    as(COACH).call("GET", "/engine-rest/variable-instance?variableName=clientId", null, nothingOfTheirs(),
        "every client id");
    as(COACH).call("GET", "/engine-rest/execution?processInstanceId={theirInstance}", null, nothingOfTheirs(),
        "its executions");
    as(COACH).call("GET", "/engine-rest/execution/{theirExecution}/localVariables", null, refused(403, 404),
        "an execution's variables");
    as(COACH).call("GET", "/engine-rest/history/variable-instance?processInstanceId={theirInstance}", null,
        nothingOfTheirs(), "its variables' history");
    as(COACH).call("GET", "/engine-rest/history/detail?processInstanceId={theirInstance}", null, nothingOfTheirs(),
        "its form submissions");
    as(COACH).call("GET", "/engine-rest/history/task?processInstanceId={theirInstance}", null, nothingOfTheirs(),
        "its tasks' history");
    as(COACH).call("GET", "/engine-rest/history/user-operation?processInstanceId={theirInstance}", null,
        nothingOfTheirs(), "its operation log");
    as(COACH).call("GET", "/engine-rest/history/identity-link-log?processInstanceId={theirInstance}", null,
        nothingOfTheirs(), "who worked on it");
    as(COACH).call("GET", "/engine-rest/history/process-instance?processInstanceBusinessKey={theirKey}", null,
        nothingOfTheirs(), "its history");
    as(COACH).call("GET", "/engine-rest/history/activity-instance?processInstanceId={theirInstance}", null,
        nothingOfTheirs(), "its steps");
    as(COACH).call("GET", "/engine-rest/external-task", null, nothingOfTheirs(), "external tasks");
    as(COACH).call("POST", "/engine-rest/external-task/fetchAndLock",
        "{\"workerId\":\"w\",\"maxTasks\":10,\"topics\":[{\"topicName\":\"x\",\"lockDuration\":1000}]}", refused(403),
        "fetching work as a worker");
    as(COACH).call("GET", "/engine-rest/job?processInstanceId={theirInstance}", null, nothingOfTheirs(), "its jobs");
    as(COACH).call("POST", "/engine-rest/job/{theirJob}/execute", null, refused(403, 404), "running its timer now");
    as(COACH).call("PUT", "/engine-rest/job/{theirJob}/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}",
        refused(403, 404), "moving its timer");
    as(COACH).call("GET", "/engine-rest/incident", null, nothingOfTheirs(), "incidents");
    as(SPONSOR).call("GET", "/engine-rest/task/{theirTask}/form-variables", null, refused(403, 404),
        "another relationship's form");
    as(COORDINATOR).call("GET", "/engine-rest/history/detail?processInstanceId={theirInstance}", null,
        nothingOfTheirs(), "a coordinator reads submitted values");

    // identities, authorizations, filters, deployments
    as("{victim}").call("PUT", "/engine-rest/user/{bystander}/profile",
        "{\"id\":\"{bystander}\",\"firstName\":\"X\",\"email\":\"x@example.org\"}", refused(403),
        "another person's profile");
    as("{victim}").call("PUT", "/engine-rest/user/{victim}/profile", "{\"id\":\"{bystander}\",\"firstName\":\"Dee\"}",
        refused(400, 403), "one's own profile under another's id");
    as("{victim}").call("DELETE", "/engine-rest/user/{victim}", null, refused(403),
        "deleting oneself past the erasure process");
    as("{victim}").call("PUT", "/engine-rest/user/{bystander}/credentials",
        "{\"password\":\"x\",\"authenticatedUserPassword\":\"demo\"}", refused(403), "another person's password");
    as("{victim}").call("POST", "/engine-rest/identity/verify", "{\"username\":\"{bystander}\",\"password\":\"demo\"}",
        refused(403), "guessing another person's password");
    as(COACH).call("PUT", "/engine-rest/group/coordinators/members/colin", null, refused(403),
        "joining the coordinators");
    as(COACH).call("POST", "/engine-rest/authorization/create",
        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"colin\",\"resourceType\":8,\"resourceId\":\"*\"}",
        refused(403), "granting oneself every process instance");
    as(COACH).call("DELETE", "/engine-rest/authorization/{anAuthorization}", null, refused(403, 404),
        "deleting an authorization");
    as(COACH).call("POST", "/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}",
        refused(403), "a filter of one's own");
    as(COACH).call("PUT", "/engine-rest/filter/{filter}", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}",
        refused(403), "changing everyone's filter");
    as(COACH).multipart("/engine-rest/deployment/create", refused(403, 400), "deploying a model");
    as(COACH).call("DELETE", "/engine-rest/deployment/{deployment}", null, refused(403, 404), "removing a model");
    as(COACH).call("POST", "/engine-rest/process-instance/delete",
        "{\"processInstanceIds\":[\"{theirInstance}\"],\"deleteReason\":\"x\"}", refused(403), "a batch deletion");
    as(COACH).call("POST", "/engine-rest/history/process-instance/delete",
        "{\"historicProcessInstanceIds\":[\"{theirInstance}\"]}", refused(403), "deleting history");
    as(COACH).call("POST", "/engine-rest/tenant/create", "{\"id\":\"t\",\"name\":\"t\"}", refused(403), "a tenant");
    as(COACH).call("POST", "/engine-rest/migration/execute", "{\"migrationPlan\":{},\"processInstanceIds\":[]}",
        refused(403), "a migration");

    // the group's task: claimed only for oneself, and only by its group
    as(COORDINATOR).call("POST", "/engine-rest/task/{groupTask}/claim", "{\"userId\":\"carl\"}", refused(403),
        "a coordinator claims the group's task for an outsider");
    as(COACH).call("POST", "/engine-rest/task/{groupTask}/claim", "{\"userId\":\"colin\"}", refused(403, 404),
        "a coach claims the coordinators' task");
    as(COORDINATOR).call("POST", "/engine-rest/task/{groupTask}/complete", "{\"variables\":{}}", refused(403, 409),
        "a coordinator completes the group's task without claiming it");

    // path tricks: the same requests spelt another way
    as(COACH).call("PUT", "/engine-rest/engine/default/task/{draft}/variables/clientId", "{\"value\":\"carl\"}",
        refused(403), "the named engine's path");
    as(COACH).call("PUT", "/engine-rest/task/{draft}/variables/clientId/", "{\"value\":\"carl\"}",
        refused(403, 404), "a trailing slash");
    as(COACH).call("PUT", "/engine-rest/t%61sk/{draft}/variables/clientId", "{\"value\":\"carl\"}",
        refused(400, 403, 404), "an encoded letter");
    as(COACH).call("PUT", "/engine-rest/task/{draft}/variables/client%49d", "{\"value\":\"carl\"}",
        refused(400, 403, 404), "an encoded variable name");
    as(COACH).call("PUT", "/engine-rest//task/{draft}/variables/clientId", "{\"value\":\"carl\"}",
        refused(400, 403, 404), "a double slash");
    as(COACH).call("PUT", "/engine-rest/task;x=y/{draft}/variables/clientId", "{\"value\":\"carl\"}",
        refused(400, 403, 404), "a matrix parameter");

    // allowed: the people's own work still goes through
    as(COACH).call("POST", "/engine-rest/task/{draft}/submit-form", "{DRAFT}", allowed(204),
        "the coach submits the draft the form asks for");
    as(COORDINATOR).call("POST", "/engine-rest/task/{groupTask}/claim", "{\"userId\":\"cora\"}", allowed(204),
        "a coordinator claims the group's task for herself");
  }

  // ---- running them ----

  @TestFactory
  Stream<DynamicTest> hostile_requests_are_refused_and_change_nothing() {
    world = new AccessWorld(driver);
    world.shared();
    theCells();
    Map<String, String> before = world.snapshot(world.sharedKeys());
    List<DynamicTest> tests = new ArrayList<>();
    for (Cell cell : cells) {
      tests.add(DynamicTest.dynamicTest(cell.name(), () -> run(cell)));
      if (throughTheWebappToo(cell)) {
        Cell viaWebapp = cell.viaWebapp();
        tests.add(DynamicTest.dynamicTest(viaWebapp.name(), () -> run(viaWebapp)));
      }
    }
    tests.add(DynamicTest.dynamicTest("the relationships of Colin and Clara, and of Chloe and Carl, are as they were",
        () -> assertThat(world.snapshot(world.sharedKeys())).isEqualTo(before)));
    return tests.stream();
  }

  /** Tasklist's own door, the webapps' engine REST, for the writes on tasks and instances spelt plainly. */
  private static boolean throughTheWebappToo(Cell cell) {
    return cell.writes() && cell.contentType() != null && cell.contentType().equals(JSON)
        && (cell.path().startsWith("/engine-rest/task/") || cell.path().startsWith("/engine-rest/process-instance/"))
        && !cell.path().matches(".*(%|//|;).*");
  }

  private void run(Cell cell) throws Exception {
    try {
      attack(cell);
    } catch (AssertionError e) {
      throw new AssertionError(cell.name() + ": " + e.getMessage(), e);
    }
  }

  private void attack(Cell cell) throws Exception {
    AccessWorld.Ids ids = cell.writes() || cell.user().startsWith("{") ? world.fresh() : world.sharedIds();
    List<String> theirOwn = cell.writes() ? List.of(ids.get("relationship"), ids.get("freshApplicant")) : List.of();
    Map<String, String> before = world.snapshot(theirOwn);
    String path = ids.resolve(cell.path());
    String body = cell.body() == null || cell.body().equals(MULTIPART) ? cell.body() : ids.resolve(body(cell.body()));
    RestClientSupport.Answer answer = send(cell, ids.resolve(cell.user()), path, body);
    cell.expectation().check(answer, ids);
    if (cell.writes() && !(cell.expectation() instanceof Allowed)) {
      assertThat(world.snapshot(theirOwn)).as("the relationship changed").isEqualTo(before);
    }
  }

  private RestClientSupport.Answer send(Cell cell, String user, String path, String body) {
    if (cell.door() == Door.WEBAPP) {
      WebappSession session = new WebappSession(baseUrl());
      assertThat(session.login("tasklist", user, password(user))).isEqualTo(200);
      session.get("/camunda/api/admin/auth/user/default");
      String webappPath = path.replaceFirst("^/engine-rest/", "/camunda/api/engine/engine/default/");
      return session.send(cell.method(), webappPath, body, true);
    }
    byte[] bytes = body == null ? null : MULTIPART.equals(body)
        ? AccessWorld.multipart("data", "note.txt") : body.getBytes(StandardCharsets.UTF_8);
    return rest.send(cell.method(), path, cell.contentType(), bytes, user, password(user), Map.of());
  }

  static String password(String user) {
    return "admin".equals(user) ? "admin" : DEMO;
  }

  /** The draft the contract form submits, as Tasklist sends it, and the variants the cells name in braces. */
  private String body(String template) throws Exception {
    if (!template.startsWith("{DRAFT")) {
      return template;
    }
    ObjectNode variables = json.createObjectNode();
    for (Map.Entry<String, Object> field : driver.contract().entrySet()) {
      ObjectNode value = variables.putObject(field.getKey());
      Object raw = field.getValue();
      if (raw instanceof SpinJsonNode list) {
        value.put("type", "Json").put("value", list.toString());
      } else if (raw instanceof Boolean flag) {
        value.put("value", flag);
      } else {
        value.put("value", raw.toString());
      }
    }
    String variant = template.substring("{DRAFT".length(), template.length() - 1);
    switch (variant) {
      case "" -> { }
      case "+coachId" -> variables.putObject("coachId").put("value", OTHER_COACH);
      case "+camerasAgreed=text" -> variables.putObject("camerasAgreed").put("value", "yes");
      case "+sessionFormat=BY_PIGEON" -> variables.putObject("sessionFormat").put("value", "BY_PIGEON");
      case "+goals=serialized" -> variables.putObject("goals").put("type", "Object")
          .put("value", "rO0ABXQAA2JhZA==").putObject("valueInfo")
          .put("objectTypeName", "java.lang.String")
          .put("serializationDataFormat", "application/x-java-serialized-object");
      case "+goals.extra" -> variables.putObject("goals").put("type", "Json").put("value",
          "[{\"description\":\"Lead\",\"successMeasure\":\"Stand-ups\",\"mostImportant\":true,\"coachId\":\"chloe\"}]");
      default -> throw new IllegalArgumentException(variant);
    }
    ObjectNode request = json.createObjectNode();
    request.set("variables", variables);
    return json.writeValueAsString(request);
  }

}
