package org.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.identity.Roles;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/**
 * A person's rights through the API and Tasklist's forms: a copy of their data, withdrawing consent, erasure with a
 * coordinator's verification, and the requests that are refused. Each test has a client of its own.
 */
class DataProtectionApiTest extends ApiTest {

  String client;

  @BeforeEach
  void aClientOfTheirOwn() {
    client = "dana" + UUID.randomUUID().toString().substring(0, 8);
    var user = engine.getIdentityService().newUser(client);
    user.setFirstName("Dana");
    user.setLastName("Okonkwo");
    user.setEmail(client + "@example.org");
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(client, Roles.CLIENTS);
  }

  private JsonNode ok(RestClientSupport.Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isBetween(200, 202);
    return json.readTree(answer.body());
  }

  private String relationshipWithNotes() {
    String id = driver.inForce(COACH, client, null, "COACHING", driver.contract());
    driver.holdSession(id, COACH, Map.of("confidentialKeyPoints", "Dana's worries about the merger"));
    driver.complete(id, "Task_GiveFeedback", client, Map.of("confidentialWorkedWell", "Dana liked the mapping"));
    return id;
  }

  private String request() {
    return driver.startByForm("coaching-request", client, Map.of("consent", true, "kind", "COACHING",
        "developmentNeed", "A new role", "organisation", "Sandwell Trust"));
  }

  @Test
  @DisplayName("DP-2 DP-6 a person downloads everything held about them, their confidential records opened for them and the reads logged")
  void subject_access_for_oneself() throws Exception {
    String requestId = request();
    String id = relationshipWithNotes();

    RestClientSupport.Answer answer = rest.get("/api/people/" + client + "/data", client, "demo");
    JsonNode copy = ok(answer);

    assertThat(copy.at("/person/email").asText()).isEqualTo(client + "@example.org");
    assertThat(copy.at("/person/groups").toString()).contains("clients");
    assertThat(copy.get("consents")).hasSize(1);
    assertThat(copy.at("/consents/0/noticeVersion").asText()).isEqualTo("2026-01");
    assertThat(copy.at("/requests/asClient").findValuesAsText("id")).containsExactly(requestId);
    assertThat(copy.get("relationships").findValuesAsText("id")).contains(id);
    assertThat(copy.at("/relationships/0/contracts")).isNotEmpty();
    assertThat(copy.at("/relationships/0/sessions/0/status").asText()).isEqualTo("HELD");
    assertThat(copy.get("confidentialRecords").findValuesAsText("content"))
        .containsExactlyInAnyOrder("Dana's worries about the merger", "Dana liked the mapping");
    assertThat(copy.get("openTasks").findValuesAsText("businessKey")).contains(id);
    assertThat(ok(rest.get("/api/relationships/" + id + "/records/reads", COACH, "demo"))
        .findValuesAsText("purpose")).containsOnly("SUBJECT_ACCESS");
  }

  @Test
  @DisplayName("DP-2 a coordinator downloads a person's data on their behalf, without what their records say; anyone else is refused")
  void subject_access_on_behalf() throws Exception {
    String id = relationshipWithNotes();

    JsonNode copy = ok(rest.get("/api/people/" + client + "/data", COORDINATOR, "demo"));
    assertThat(copy.get("relationships").findValuesAsText("id")).contains(id);
    assertThat(copy.get("confidentialRecords")).hasSize(2);
    assertThat(copy.get("confidentialRecords").toString()).doesNotContain("merger").doesNotContain("mapping");
    assertThat(copy.get("confidentialRecordsNote").asText()).contains("downloads their own copy");

    assertThat(rest.get("/api/people/" + client + "/data", OTHER_CLIENT, "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/people/" + client + "/data", COACH, "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/people/" + client + "/data", "admin", "admin").status()).isEqualTo(403);
    assertThat(rest.get("/api/people/nobody" + client + "/data", COORDINATOR, "demo").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("DP-1 withdrawing consent stops all processing at once: the relationship ends, the request is withdrawn, erasure starts")
  void withdrawal() throws Exception {
    String requestId = request();
    String id = relationshipWithNotes();

    JsonNode answer = ok(rest.post("/api/consents/withdrawal", "", client, "demo"));

    assertThat(answer.get("consentsWithdrawn").asInt()).isEqualTo(1);
    assertThat(driver.relationship(id)).containsEntry("STATUS", "CLOSED").containsEntry("OUTCOME", "WITHDRAWN")
        .containsEntry("ENDED_BY", client);
    assertThat(driver.instances(id)).as("nothing more is asked of anyone").isEmpty();
    assertThat(driver.instances(requestId)).isEmpty();
    assertThat(jdbc.sql("select status from coaching_request where id = :id").param("id", requestId)
        .query(String.class).single()).isEqualTo("WITHDRAWN");
    assertThat(jdbc.sql("select count(*) from consent where person_id = :p and withdrawn_at is not null")
        .param("p", client).query(Long.class).single()).isOne();
    String erasure = answer.at("/erasureRequest/id").asText();
    assertThat(answer.at("/erasureRequest/status").asText()).isEqualTo("OPEN");
    assertThat(driver.task(erasure, "Task_VerifyErasure")).isNotNull();
    assertThat(driver.evaluationsInvited(id)).as("no end evaluations for a withdrawn relationship")
        .noneMatch(invited -> invited.contains("_END"));
  }

  @Test
  @DisplayName("DP-2 bad erasure requests are refused and change nothing: someone else's, an unknown person, a second one")
  void bad_erasure_requests() throws Exception {
    long before = jdbc.sql("select count(*) from erasure_request").query(Long.class).single();
    assertThat(rest.post("/api/erasure-requests", "{\"personId\": \"" + client + "\"}", OTHER_CLIENT, "demo")
        .status()).isEqualTo(403);
    RestClientSupport.Answer unknown =
        rest.post("/api/erasure-requests", "{\"personId\": \"nobody" + client + "\"}", COORDINATOR, "demo");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("no such user");
    assertThat(jdbc.sql("select count(*) from erasure_request").query(Long.class).single()).isEqualTo(before);

    JsonNode first = ok(rest.post("/api/erasure-requests", "{\"reason\": \"Leaving the NHS\"}", client, "demo"));
    RestClientSupport.Answer second = rest.post("/api/erasure-requests", "{}", client, "demo");
    assertThat(second.status()).isEqualTo(409);
    assertThat(json.readTree(second.body()).get("detail").asText()).contains(first.get("id").asText());
    assertThat(jdbc.sql("select count(*) from erasure_request").query(Long.class).single()).isEqualTo(before + 1);
    assertThat(ok(rest.get("/api/erasure-requests/" + first.get("id").asText(), client, "demo"))
        .get("status").asText()).isEqualTo("OPEN");
    assertThat(rest.get("/api/erasure-requests/" + first.get("id").asText(), OTHER_CLIENT, "demo").status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("DP-2 CMP-1 an open complaint holds an erasure: erasing is refused, holding needs a reason, and the person is told")
  void an_open_complaint_holds_it() throws Exception {
    String complaint = driver.startByForm("complaint", client, Map.of("coachId", COACH,
        "clientOrganisation", "Sandwell Trust", "concern", "Sessions cut short"));
    String erasure = driver.startByForm("erasure-request", client, Map.of("understood", true));
    assertThat((String) engine.getTaskService().getVariable(driver.task(erasure, "Task_VerifyErasure").getId(),
        "reasonsToHold")).contains(complaint);

    assertThatThrownBy(() -> driver.claimAndComplete(erasure, "Task_VerifyErasure", COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE")))
        .hasMessageContaining("Complaint " + complaint + " is open");
    assertThatThrownBy(() -> driver.complete(erasure, "Task_VerifyErasure", COORDINATOR,
        Map.of("erasureDecision", "HOLD"))).hasMessageContaining("Say why");
    driver.complete(erasure, "Task_VerifyErasure", COORDINATOR,
        Map.of("erasureDecision", "HOLD", "holdReason", "The complaint is decided first"));

    assertThat(driver.instances(erasure)).isEmpty();
    assertThat(jdbc.sql("select status from erasure_request where id = :id").param("id", erasure)
        .query(String.class).single()).isEqualTo("HELD");
    assertThat(jdbc.sql("select subject from notification where recipient_id = :p").param("p", client)
        .query(String.class).list()).containsExactly("Your request " + erasure + " to erase data is held");
    assertThat(engine.getIdentityService().createUserQuery().userId(client).count()).isOne();
  }

  @Test
  @DisplayName("DP-2 a coordinator erases on a person's behalf, after verifying their identity")
  void erasure_on_behalf() throws Exception {
    String id = relationshipWithNotes();
    String erasure = driver.startByForm("erasure-request", COORDINATOR, Map.of("subjectId", client,
        "reason", "Asked by phone", "understood", true));
    assertThatThrownBy(() -> driver.claimAndComplete(erasure, "Task_VerifyErasure", COORDINATOR,
        Map.of("erasureDecision", "ERASE"))).hasMessageContaining("Verify the identity");
    driver.complete(erasure, "Task_VerifyErasure", COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE"));
    driver.runDueJobs(erasure);

    assertThat(engine.getIdentityService().createUserQuery().userId(client).count()).isZero();
    assertThat(driver.relationship(id).get("CLIENT_ID")).asString().startsWith("erased-");
    assertThat(rest.get("/api/people/" + client + "/data", COORDINATOR, "demo").status()).isEqualTo(404);
    assertThat(rest.post("/api/erasure-requests", "{\"personId\": \"" + client + "\"}", COORDINATOR, "demo")
        .status()).as("a second erasure finds no one").isEqualTo(404);
    assertThatThrownBy(() -> driver.startByForm("erasure-request", OTHER_CLIENT, Map.of("subjectId", COACH,
        "understood", true))).hasMessageContaining("only coordinators");
  }

  @Test
  @DisplayName("DP-2 REG-3 a coach is erased from the register: profile and CPD log go, a decided complaint stays under the pseudonym")
  void a_coach_is_erased_from_the_register() throws Exception {
    String coach = "cobi" + UUID.randomUUID().toString().substring(0, 8);
    new org.tandem.support.RegisterFixtures(jdbc).profile(coach).specialisms("WELLBEING").locations("Dudley").save();
    var user = engine.getIdentityService().newUser(coach);
    user.setPassword("demo");
    user.setEmail(coach + "@example.org");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(coach, Roles.COACHES);
    ok(rest.post("/api/coaches/" + coach + "/cpd", """
        {"kind": "SUPERVISION", "occurredOn": "2026-02-01", "description": "Group supervision"}""", coach, "demo"));
    String complaint = driver.startByForm("complaint", client, Map.of("coachId", coach,
        "clientOrganisation", "Sandwell Trust", "concern", "Late twice"));
    driver.complete(complaint, "Task_CoachResponds", coach, Map.of("coachResponse", "Sorry"));
    driver.complete(complaint, "Task_RaiserConfirms", client, Map.of("resolvedWithCoach", "YES"));

    String erasure = ok(rest.post("/api/erasure-requests", "{}", coach, "demo")).get("id").asText();
    driver.claimAndComplete(erasure, "Task_VerifyErasure", COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE"));
    driver.runDueJobs(erasure);

    assertThat(org.tandem.support.DatabaseScan.find(dataSource, coach)).isEmpty();
    String pseudonym = jdbc.sql("select coach_id from complaint where id = :id").param("id", complaint)
        .query(String.class).single();
    assertThat(pseudonym).startsWith("erased-");
    assertThat(jdbc.sql("select status from coach_profile where user_id = :id").param("id", pseudonym)
        .query(String.class).single()).isEqualTo("REMOVED");
    assertThat(rest.get("/api/coaches/" + coach, COORDINATOR, "demo").status()).isEqualTo(404);
  }
}
