package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.RestClientSupport;
import org.tandem.support.WebappSession;

/**
 * What a newcomer sees on the first start: the webapps, health, a locked engine REST API, application access per
 * role, the models deployed with their forms, and a relationship that a coordinator starts and a coach finds.
 * Run on H2 ({@link H2ApplicationSmokeTest}) and on PostgreSQL ({@link PostgresApplicationSmokeTest}).
 */
abstract class ApplicationSmokeTest {

  /** A user the test logs in as. */
  record Login(String id, String password) {
  }

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcClient jdbc;

  final ObjectMapper json = new ObjectMapper();
  RestClientSupport rest;

  /** The users of the profile the test logs in as: a coordinator, two coaches and a client. */
  record Users(Login coordinator, Login coach, Login otherCoach, Login client) {
  }

  final Users users;

  ApplicationSmokeTest(Users users) {
    this.users = users;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  @BeforeEach
  void connect() {
    rest = new RestClientSupport(baseUrl());
  }

  /** Creates a user in a group unless they exist, as an admin would in the Admin webapp. */
  void ensureUser(Login login, String group) {
    if (identityService.createUserQuery().userId(login.id()).count() == 0) {
      User user = identityService.newUser(login.id());
      user.setFirstName(login.id());
      user.setLastName("Test");
      user.setPassword(login.password());
      identityService.saveUser(user);
      identityService.createMembership(login.id(), group);
    }
  }

  @Test
  void cockpit_tasklist_and_admin_answer() {
    WebappSession browser = new WebappSession(baseUrl());
    assertThat(browser.get("/camunda/app/cockpit/default/")).isEqualTo(200);
    assertThat(browser.get("/camunda/app/tasklist/default/")).isEqualTo(200);
    assertThat(browser.get("/camunda/app/admin/default/")).isEqualTo(200);
  }

  @Test
  void health_is_up() throws Exception {
    RestClientSupport.Answer health = rest.get("/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void engine_rest_refuses_a_caller_without_credentials() {
    assertThat(rest.get("/engine-rest/process-definition", null, null).status()).isEqualTo(401);
    assertThat(rest.get("/engine-rest/task", null, null).status()).isEqualTo(401);
  }

  @Test
  void other_paths_refuse_anonymous_callers_without_a_browser_login_dialog() {
    HttpResponse<Void> probe = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda-welcome")).build());
    assertThat(probe.statusCode()).isEqualTo(401);
    assertThat(probe.headers().firstValue("WWW-Authenticate")).isEmpty();

    HttpResponse<Void> api = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/task")).build());
    assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  private static HttpResponse<Void> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void engine_rest_refuses_a_wrong_password() {
    // a wrong password locks the user out for a few seconds (Camunda's login throttling), so not a shared user
    Login victim = new Login("wrongpasswordvictim", "right-password");
    ensureUser(victim, org.tandem.identity.Roles.COORDINATORS);
    assertThat(rest.get("/engine-rest/process-definition", victim.id(), "not-the-password").status())
        .isEqualTo(401);
    assertThat(rest.get("/engine-rest/process-definition", "nobody", "nothing").status()).isEqualTo(401);
  }

  @Test
  void engine_rest_answers_a_known_user_with_what_their_authorizations_allow() throws Exception {
    String relationshipId = startRelationship(users.coach());

    RestClientSupport.Answer asCoordinator =
        rest.get("/engine-rest/process-instance?processDefinitionKey=relationship", users.coordinator().id(),
            users.coordinator().password());
    assertThat(asCoordinator.status()).isEqualTo(200);
    assertThat(json.readTree(asCoordinator.body())).isNotEmpty();

    RestClientSupport.Answer asClient =
        rest.get("/engine-rest/process-instance?processDefinitionKey=relationship", users.client().id(),
            users.client().password());
    assertThat(asClient.status()).isEqualTo(200);
    assertThat(json.readTree(asClient.body()).findValuesAsText("businessKey")).as("the client's own only")
        .contains(relationshipId).allMatch(key -> relationshipsOf(users.client().id()).contains(key));

    RestClientSupport.Answer asOtherCoach =
        rest.get("/engine-rest/process-instance?processDefinitionKey=relationship", users.otherCoach().id(),
            users.otherCoach().password());
    assertThat(asOtherCoach.status()).isEqualTo(200);
    assertThat(json.readTree(asOtherCoach.body()).findValuesAsText("businessKey")).doesNotContain(relationshipId);
  }

  private java.util.List<String> relationshipsOf(String clientId) {
    return jdbc.sql("select id from relationship where client_id = :client").param("client", clientId)
        .query(String.class).list();
  }

  @Test
  void a_coach_has_tasklist_but_not_cockpit_or_admin() {
    Login coach = users.coach();
    assertThat(new WebappSession(baseUrl()).login("tasklist", coach.id(), coach.password())).isEqualTo(200);
    assertThat(new WebappSession(baseUrl()).login("cockpit", coach.id(), coach.password())).isEqualTo(403);
    assertThat(new WebappSession(baseUrl()).login("admin", coach.id(), coach.password())).isEqualTo(403);
  }

  @Test
  void a_coordinator_opens_cockpit_and_tasklist_but_not_admin() {
    Login coordinator = users.coordinator();
    assertThat(new WebappSession(baseUrl()).login("cockpit", coordinator.id(), coordinator.password()))
        .isEqualTo(200);
    assertThat(new WebappSession(baseUrl()).login("tasklist", coordinator.id(), coordinator.password()))
        .isEqualTo(200);
    assertThat(new WebappSession(baseUrl()).login("admin", coordinator.id(), coordinator.password()))
        .isEqualTo(403);
  }

  @Test
  void a_wrong_password_is_refused_by_the_webapps() {
    Login victim = new Login("webappwrongpasswordvictim", "right-password");
    ensureUser(victim, org.tandem.identity.Roles.COACHES);
    assertThat(new WebappSession(baseUrl()).login("tasklist", victim.id(), "wrong")).isEqualTo(401);
  }

  @Test
  void every_role_finds_its_tasklist_filters() throws Exception {
    for (Login login : new Login[] {users.coordinator(), users.coach(), users.client()}) {
      RestClientSupport.Answer filters = rest.get("/engine-rest/filter", login.id(), login.password());
      assertThat(filters.status()).isEqualTo(200);
      assertThat(json.readTree(filters.body()).findValuesAsText("name"))
          .as("filters of %s", login.id())
          .contains("My tasks", "My group's tasks");
    }
  }

  @Test
  void each_process_is_deployed_with_its_forms_in_one_deployment() {
    ProcessDefinition contracting = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("contracting").latestVersion().singleResult();
    assertThat(repositoryService.getDeploymentResourceNames(contracting.getDeploymentId()))
        .containsExactlyInAnyOrder("processes/contracting.bpmn", "forms/contract-draft.form",
            "forms/contract-review.form", "forms/contract-sign.form", "forms/contract-sponsor.form");
  }

  @Test
  @org.junit.jupiter.api.DisplayName("MAT-4 a coordinator starts a relationship for a pair matched outside the system; only its coach finds the task")
  void a_coordinator_starts_a_relationship_and_only_its_coach_finds_the_task() throws Exception {
    String relationshipId = startRelationship(users.coach());
    assertThat(relationshipId).matches("R-\\d{6}");

    assertThat(jdbc.sql("select coach_id from relationship where id = :id").param("id", relationshipId)
        .query(String.class).single()).isEqualTo(users.coach().id());

    JsonNode coachTasks = json.readTree(rest.get("/engine-rest/task?processInstanceBusinessKey=" + relationshipId,
        users.coach().id(), users.coach().password()).body());
    assertThat(coachTasks).hasSize(1);
    assertThat(coachTasks.get(0).get("name").asText()).isEqualTo("Draft the contract with your client");

    RestClientSupport.Answer form = rest.get("/engine-rest/task/" + coachTasks.get(0).get("id").asText()
        + "/deployed-form", users.coach().id(), users.coach().password());
    assertThat(form.status()).isEqualTo(200);
    assertThat(json.readTree(form.body()).get("id").asText()).isEqualTo("contract-draft");

    JsonNode otherCoachTasks = json.readTree(rest.get("/engine-rest/task?processInstanceBusinessKey="
        + relationshipId, users.otherCoach().id(), users.otherCoach().password()).body());
    assertThat(otherCoachTasks).isEmpty();
  }

  /** A coordinator starts a relationship over engine REST, as Tasklist's start form does; answers its id. */
  String startRelationship(Login coach) throws Exception {
    String start = """
        {"variables": {
          "kind": {"value": "COACHING"},
          "coachId": {"value": "%s"},
          "clientId": {"value": "%s"}}}""".formatted(coach.id(), users.client().id());
    RestClientSupport.Answer started = rest.post("/engine-rest/process-definition/key/relationship/submit-form",
        start, users.coordinator().id(), users.coordinator().password());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return json.readTree(started.body()).get("businessKey").asText();
  }

  @Test
  void a_relationship_with_an_unknown_coach_is_refused_and_nothing_is_kept() {
    long before = jdbc.sql("select count(*) from relationship").query(Long.class).single();
    String start = """
        {"variables": {
          "kind": {"value": "MENTORING"},
          "coachId": {"value": "no-such-coach"},
          "clientId": {"value": "%s"}}}""".formatted(users.client().id());
    RestClientSupport.Answer refused = rest.post("/engine-rest/process-definition/key/relationship/submit-form",
        start, users.coordinator().id(), users.coordinator().password());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("\"detail\":\"There is no user 'no-such-coach'.\"")
        .doesNotContain("Exception");
    assertThat(jdbc.sql("select count(*) from relationship").query(Long.class).single()).isEqualTo(before);
  }
}
