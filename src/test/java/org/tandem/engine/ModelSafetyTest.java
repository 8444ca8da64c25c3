package org.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;
import org.tandem.support.WebappSession;

/**
 * No code from users: an administrator deploys models through engine REST, as Camunda Modeler does, and a model that
 * would run code of its own, or reach into the application, is refused whole with a message naming the element.
 */
class ModelSafetyTest extends ApiTest {

  static final String BOUNDARY = "tandem-model";

  long deploymentsBefore;

  @BeforeEach
  void before() {
    deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
  }

  @AfterEach
  void removeWhatWasDeployed() {
    engine.getRepositoryService().createDeploymentQuery().deploymentName("model-safety").list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  /** A process with one element between its start and end events. */
  static String process(String key, String element) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://tandem">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="30" camunda:versionTag="test">
            <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            %s
            <bpmn:endEvent id="Event_End"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Step" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Step" targetRef="Event_End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, element);
  }

  /** The one element of {@link #process}: a service task with these attributes besides its id. */
  static String serviceTask(String attributes) {
    return """
        <bpmn:serviceTask id="Task_Step" %s>
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:serviceTask>""".formatted(attributes);
  }

  private RestClientSupport.Answer deploy(String fileName, String content) {
    return deploy(Map.of(fileName, content));
  }

  /** A deployment of these files through engine REST, as Camunda Modeler sends it. */
  private RestClientSupport.Answer deploy(Map<String, String> files) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder parts = new StringBuilder("--" + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodel-safety\r\n");
    files.forEach((fileName, content) -> parts.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + fileName + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + content + "\r\n"));
    parts.append("--" + BOUNDARY + "--\r\n");
    body.writeBytes(parts.toString().getBytes(StandardCharsets.UTF_8));
    return rest.send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + BOUNDARY,
        body.toByteArray(), "admin", "admin", Map.of());
  }

  private void refusedNaming(RestClientSupport.Answer answer, String... words) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains(words).doesNotContain("org.camunda");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  @Test
  @DisplayName("an administrator's model with a script task is refused, naming the task and the language")
  void script_task() {
    refusedNaming(deploy("script.bpmn", process("script-attempt", """
        <bpmn:scriptTask id="Task_Step" scriptFormat="javascript">
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
          <bpmn:script>java.lang.Runtime.getRuntime().exec("id")</bpmn:script>
        </bpmn:scriptTask>""")), "Task_Step", "javascript", "tandem.engine.script-languages");
  }

  @Test
  @DisplayName("a script listener, even in JUEL, is refused like a script task")
  void script_listener() {
    refusedNaming(deploy("listener.bpmn", process("listener-attempt", """
        <bpmn:userTask id="Task_Step" camunda:candidateGroups="coordinators">
          <bpmn:extensionElements>
            <camunda:taskListener event="create">
              <camunda:script scriptFormat="juel">${task.setAssignee('carl')}</camunda:script>
            </camunda:taskListener>
          </bpmn:extensionElements>
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>""")), "Task_Step", "juel");
  }

  @Test
  @DisplayName("an expression that calls an internal bean of the application is refused, naming the bean")
  void internal_bean() {
    refusedNaming(deploy("bean.bpmn", process("bean-attempt",
        serviceTask("camunda:expression=\"${dataSource.getConnection()}\""))), "Task_Step", "dataSource");
  }

  @Test
  @DisplayName("an expression that climbs from the execution to the engine's services is refused")
  void engine_services() {
    refusedNaming(deploy("services.bpmn", process("services-attempt",
        serviceTask("camunda:expression=\"${execution.getProcessEngineServices().getIdentityService()}\""))),
        "Task_Step", "getProcessEngineServices");
  }

  @Test
  @DisplayName("a Java class as a delegate, and a file that is no model, are refused")
  void java_class_and_other_files() {
    refusedNaming(deploy("class.bpmn", process("class-attempt",
        serviceTask("camunda:class=\"org.tandem.SomethingInternal\""))), "Task_Step", "Java class");
    refusedNaming(deploy("run.groovy", "println 'hello'"), "run.groovy", "neither a BPMN or DMN model");
  }

  @Test
  @DisplayName("a model that names only the product's delegates and its own variables is deployed")
  void harmless_model_is_deployed() {
    RestClientSupport.Answer answer = deploy("harmless.bpmn", process("harmless", """
        <bpmn:userTask id="Task_Step" camunda:candidateGroups="coordinators" camunda:dueDate="${dueBy}"
            camunda:formRef="match-by-hand" camunda:formRefBinding="deployment">
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>"""));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("harmless").count())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a model deployed alone, as the Modeler does, gets the forms it references in its deployment")
  void forms_are_bundled() throws Exception {
    RestClientSupport.Answer answer = deploy("alone.bpmn", process("alone", userTask("match-by-hand")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String id = json.readTree(answer.body()).get("id").asText();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(id))
        .containsExactlyInAnyOrder("alone.bpmn", "forms/match-by-hand.form");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id)
        .singleResult().getId();
    engine.getRuntimeService().startProcessInstanceById(definition);
    String task = engine.getTaskService().createTaskQuery().processDefinitionId(definition).singleResult().getId();
    assertThat(engine.getFormService().getDeployedTaskForm(task)).as("the task finds its form").isNotNull();
  }

  @Test
  @DisplayName("a model without a version tag, a user task without a form, or with a form found nowhere, is refused")
  void versions_and_forms_are_required() {
    refusedNaming(deploy("untagged.bpmn", process("untagged", userTask("match-by-hand"))
        .replace(" camunda:versionTag=\"test\"", "")), "untagged", "camunda:versionTag");
    refusedNaming(deploy("formless.bpmn", process("formless", """
        <bpmn:userTask id="Task_Step" camunda:candidateGroups="coordinators">
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>""")), "Task_Step", "has no form");
    refusedNaming(deploy("lost.bpmn", process("lost", userTask("no-such-form"))), "Task_Step", "no-such-form",
        "neither in the deployment nor deployed before");
  }

  @Test
  @DisplayName("a delegate or a bean the product does not have is refused, naming it")
  void missing_beans() {
    refusedNaming(deploy("missing.bpmn", process("missing", serviceTask(
        "camunda:delegateExpression=\"${countSessionz}\""))), "Task_Step", "countSessionz");
    refusedNaming(deploy("timers.bpmn", process("timers", """
        <bpmn:userTask id="Task_Step" camunda:candidateGroups="coordinators" camunda:formRef="match-by-hand"
            camunda:formRefBinding="deployment" camunda:dueDate="${lifecycleTimerz.answerDue()}">
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>""")), "Task_Step", "lifecycleTimerz");
    refusedNaming(deploy("listener-class.bpmn", process("listener-class", """
        <bpmn:userTask id="Task_Step" camunda:candidateGroups="coordinators" camunda:formRef="match-by-hand"
            camunda:formRefBinding="deployment">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" class="org.tandem.SomethingInternal" />
          </bpmn:extensionElements>
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>""")), "Task_Step", "Java class");
  }

  @Test
  @DisplayName("a changed model that drops an element, or a form field, the product relies on is refused, naming it and who relies on it")
  void what_the_code_relies_on() throws Exception {
    String sessions = packaged("processes/sessions.bpmn");
    refusedNaming(deploy(Map.of("sessions.bpmn", sessions.replace("\"Task_CoachEndsEarly\"",
        "\"Task_CoachEnds\""))), "sessions", "Task_CoachEndsEarly", "relationship");
    String endEarly = packaged("forms/end-early.form");
    refusedNaming(deploy(Map.of("sessions.bpmn", sessions, "end-early.form",
        endEarly.replace("\"key\": \"endReason\"", "\"key\": \"whyEnded\""))), "sessions", "endReason");
    String cpd = packaged("processes/cpd-annual-review.bpmn");
    refusedNaming(deploy(Map.of("cpd-annual-review.bpmn", cpd.replace("name=\"CpdReviewRequested\"",
        "name=\"ReviewPlease\""))), "cpd-annual-review", "CpdReviewRequested");
  }

  @Test
  @DisplayName("Cockpit's login reaches the migrations API only with the session's CSRF token, and only as an administrator")
  void migrations_from_a_webapp_session() {
    WebappSession admin = new WebappSession(baseUrl());
    assertThat(admin.login("cockpit", "admin", "admin")).isEqualTo(200);
    admin.get("/camunda/app/cockpit/default/"); // the page, as the browser opens it, gives the session's token
    assertThat(admin.send("GET", "/api/models", null, false).status()).isEqualTo(200);
    assertThat(admin.send("POST", "/api/models/sessions/migrations/dry-run", "{}", false).status())
        .as("a write without the token is not the webapp's").isIn(401, 403);
    assertThat(admin.send("POST", "/api/models/sessions/migrations/dry-run", "{}", true).status()).isEqualTo(200);
    WebappSession coordinator = new WebappSession(baseUrl());
    assertThat(coordinator.login("cockpit", "cora", "demo")).isEqualTo(200);
    coordinator.get("/camunda/app/cockpit/default/");
    assertThat(coordinator.send("GET", "/api/models", null, false).status()).isEqualTo(403);
    assertThat(coordinator.send("POST", "/api/models/sessions/migrations", "{}", true).status()).isEqualTo(403);
    assertThat(rest.get("/api/models", "carl", "demo").status()).isEqualTo(403);
    assertThat(rest.post("/api/models/sessions/migrations", "{}", "sam", "demo").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("the migrations API answers bad input with a clear status, naming what is wrong, and moves nothing")
  void migrations_bad_input() {
    long batches = engine.getManagementService().createBatchQuery().count();
    assertThat(rest.post("/api/models/no-such-model/migrations/dry-run", "{}", "admin", "admin").body())
        .contains("no-such-model");
    assertThat(rest.post("/api/models/no-such-model/migrations/dry-run", "{}", "admin", "admin").status())
        .isEqualTo(404);
    RestClientSupport.Answer noVersion = rest.post("/api/models/sessions/migrations/dry-run",
        "{\"targetVersion\": 99}", "admin", "admin");
    assertThat(noVersion.status()).isEqualTo(404);
    assertThat(noVersion.body()).contains("no version 99");
    assertThat(rest.post("/api/models/sessions/migrations", "{\"mapping\": ", "admin", "admin").status())
        .as("not JSON").isEqualTo(400);
    RestClientSupport.Answer nowhere = rest.post("/api/models/sessions/migrations",
        "{\"mapping\": {\"Task_CoachReviews\": \"Task_Nowhere\"}}", "admin", "admin");
    assertThat(nowhere.status()).isEqualTo(400);
    assertThat(nowhere.body()).contains("Task_Nowhere");
    assertThat(rest.get("/api/models/sessions/migrations/not-a-batch", "admin", "admin").status()).isEqualTo(404);
    assertThat(engine.getManagementService().createBatchQuery().count()).as("nothing started").isEqualTo(batches);
  }

  private static String packaged(String resource) throws java.io.IOException {
    try (var in = ModelSafetyTest.class.getResourceAsStream("/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A user task of the coordinators with this form. */
  static String userTask(String formRef) {
    return """
        <bpmn:userTask id="Task_Step" camunda:candidateGroups="coordinators" camunda:formRef="%s"
            camunda:formRefBinding="deployment">
          <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>""".formatted(formRef);
  }

  @Test
  @DisplayName("an expression that reaches the engine's services only at run time is stopped there")
  void reached_at_run_time() {
    engine.getRepositoryService().createDeployment().name("model-safety")
        .addString("dynamic.bpmn", process("dynamic",
            serviceTask("camunda:expression=\"${execution[member]}\""))).deploy();

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("dynamic",
        Map.of("member", "processEngineServices")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("may not reach 'processEngineServices'");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("dynamic").count())
        .isZero();
  }
}
