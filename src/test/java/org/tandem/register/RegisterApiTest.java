package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/** The register and complaints over HTTP, as each role. */
class RegisterApiTest extends ApiTest {

  private static final String PROFILE = """
      {"phone": "0121 000 0000", "organisation": "Birmingham Community NHS Trust", "qualification": "ILM_LEVEL_7",
       "trainedSupervisor": true, "chargesFees": false, "specialisms": ["LEADERSHIP", "CHANGE"],
       "formats": ["VIRTUAL", "IN_PERSON"], "locations": ["Birmingham", "Solihull"], "capacity": %d}""";

  private RestClientSupport.Answer put(String path, String body, String user) {
    return rest.put(path, body, user, "demo");
  }

  @Test
  @DisplayName("REG-3 anyone logged in searches the register and reads profiles; anonymous callers get 401")
  void search_and_read() throws Exception {
    RestClientSupport.Answer found = rest.get("/api/coaches?kind=COACHING&specialism=LEADERSHIP", "clara", "demo");
    assertThat(found.status()).isEqualTo(200);
    assertThat(json.readTree(found.body()).findValuesAsText("userId")).contains("colin").doesNotContain("chloe");

    JsonNode colin = json.readTree(rest.get("/api/coaches/colin", "clara", "demo").body());
    assertThat(colin.get("qualification").asText()).isEqualTo("ILM_LEVEL_7");
    assertThat(colin.get("status").asText()).isEqualTo("LISTED");

    assertThat(rest.get("/api/coaches", null, null).status()).isEqualTo(401);
    assertThat(rest.get("/api/coaches/nobody", "clara", "demo").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("REG-3 a coach edits their own profile; editing another coach's profile is 403")
  void edit_own_profile_only() throws Exception {
    RestClientSupport.Answer own = put("/api/coaches/colin", PROFILE.formatted(5), "colin");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(json.readTree(own.body()).get("capacity").asInt()).isEqualTo(5);
    assertThat(json.readTree(own.body()).get("locations").toString()).contains("solihull");

    RestClientSupport.Answer other = put("/api/coaches/colin", PROFILE.formatted(1), "chloe");
    assertThat(other.status()).isEqualTo(403);
    assertThat(json.readTree(rest.get("/api/coaches/colin", "chloe", "demo").body()).get("capacity").asInt())
        .isEqualTo(5);
    put("/api/coaches/colin", PROFILE.formatted(4), "colin");
  }

  @Test
  @DisplayName("REG-3 a negative capacity is refused with the field named, and the profile is unchanged")
  void negative_capacity() throws Exception {
    RestClientSupport.Answer refused = put("/api/coaches/chloe", PROFILE.formatted(-2), "chloe");

    assertThat(refused.status()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("field").asText()).isEqualTo("capacity");
    assertThat(problem.get("detail").asText()).isEqualTo("The capacity must be between 0 and 20 clients, not -2.");
    assertThat(json.readTree(rest.get("/api/coaches/chloe", "chloe", "demo").body()).get("capacity").asInt())
        .isEqualTo(3);
  }

  @Test
  @DisplayName("REG-2 a coach keeps their CPD log; a future date is refused; another coach's log is 403")
  void cpd_log() throws Exception {
    RestClientSupport.Answer added = rest.post("/api/coaches/chloe/cpd", """
        {"kind": "SUPERVISION", "occurredOn": "2026-02-20", "description": "Group supervision"}""", "chloe", "demo");
    assertThat(added.status()).as(added.body()).isEqualTo(201);

    RestClientSupport.Answer future = rest.post("/api/coaches/chloe/cpd", """
        {"kind": "CPD_ACTIVITY", "occurredOn": "2999-01-01", "description": "Later"}""", "chloe", "demo");
    assertThat(future.status()).isEqualTo(400);
    assertThat(json.readTree(future.body()).get("field").asText()).isEqualTo("occurredOn");

    RestClientSupport.Answer someoneElse = rest.post("/api/coaches/chloe/cpd", """
        {"kind": "SUPERVISION", "occurredOn": "2026-02-20", "description": "Not mine"}""", "colin", "demo");
    assertThat(someoneElse.status()).isEqualTo(403);

    JsonNode log = json.readTree(rest.get("/api/coaches/chloe/cpd", "chloe", "demo").body());
    assertThat(log.get("entries").findValuesAsText("description")).contains("Group supervision")
        .doesNotContain("Later", "Not mine");
    assertThat(rest.get("/api/coaches/chloe/cpd", "colin", "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/coaches/chloe/cpd", "cora", "demo").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("REG-1 an application over the API starts the registration; applying for someone else is 403")
  void apply() throws Exception {
    String applicant = "apiapplicant" + UUID.randomUUID().toString().substring(0, 8);
    var user = engine.getIdentityService().newUser(applicant);
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(applicant, org.tandem.identity.Roles.CLIENTS);

    RestClientSupport.Answer applied = rest.post("/api/coaches/applications", """
        {"firstName": "Api", "lastName": "Applicant", "email": "api@example.org", "coach": false, "mentor": true,
         "ethicsDeclared": true, "consent": true,
         "details": {"organisation": "Sandwell Trust", "qualification": "NONE", "formats": ["VIRTUAL"], "capacity": 1}}
        """, applicant, "demo");
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    assertThat(json.readTree(applied.body()).get("route").asText()).isEqualTo("MENTOR");
    assertThat(json.readTree(rest.get("/api/coaches/" + applicant, "clara", "demo").body()).get("status").asText())
        .isEqualTo("LISTED");

    RestClientSupport.Answer forOther = rest.post("/api/coaches/applications", """
        {"userId": "someoneelse", "firstName": "A", "lastName": "B", "email": "a@b.org", "mentor": true,
         "ethicsDeclared": true, "consent": true,
         "details": {"organisation": "T", "qualification": "NONE", "formats": ["VIRTUAL"], "capacity": 1}}
        """, "clara", "demo");
    assertThat(forOther.status()).isEqualTo(403);
  }

  @Test
  @DisplayName("CMP-1 open complaints are listed to coordinators only")
  void complaints_for_coordinators_only() throws Exception {
    RestClientSupport.Answer raised = rest.post("/api/complaints", """
        {"coachId": "chloe", "clientOrganisation": "Dudley Group", "concern": "Late twice %s"}"""
        .formatted(UUID.randomUUID()), "carl", "demo");
    assertThat(raised.status()).as(raised.body()).isEqualTo(201);

    assertThat(rest.get("/api/complaints", "cora", "demo").status()).isEqualTo(200);
    assertThat(json.readTree(rest.get("/api/complaints", "cora", "demo").body()).findValuesAsText("id"))
        .contains(json.readTree(raised.body()).get("id").asText());
    assertThat(rest.get("/api/complaints", "colin", "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/complaints", "carl", "demo").status()).isEqualTo(403);
    assertThat(rest.post("/api/complaints", "{\"coachId\": \"chloe\"}", "ada", "demo").status())
        .as("an assessor may not raise one").isEqualTo(403);
  }

  @Test
  @DisplayName("The API is described with OpenAPI, behind the same login")
  void openapi() throws Exception {
    RestClientSupport.Answer docs = rest.get("/api/docs", "clara", "demo");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(json.readTree(docs.body()).get("paths").has("/api/coaches/{id}")).isTrue();
    assertThat(rest.get("/api/docs", null, null).status()).isEqualTo(401);
  }
}
