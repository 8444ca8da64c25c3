package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.OTHER_COACH;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

class EndEarlyApiTest extends ApiTest {

  private RestClientSupport.Answer end(String id, String user, String body) {
    return rest.post("/api/relationships/" + id + "/ending", body, user, "demo");
  }

  @Test
  @DisplayName("END-1 the client ends the relationship early through the API, with a reason; it closes at once")
  void client_ends_through_the_api() throws Exception {
    String id = driver.inForce(null);

    RestClientSupport.Answer answer = end(id, CLIENT, """
        {"reason": "NOT_MEETING_NEEDS", "note": "Thank you for your time"}""");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode view = json.readTree(answer.body());
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("outcome").asText()).isEqualTo("ENDED_EARLY");
    assertThat(view.get("endReason").asText()).isEqualTo("NOT_MEETING_NEEDS");
    assertThat(view.get("endedBy").asText()).isEqualTo(CLIENT);
    assertThat(driver.hasTask(id, "Task_CoachEndsEarly")).isFalse();
    RestClientSupport.Answer records = rest.get("/api/relationships/" + id + "/records", COACH, "demo");
    assertThat(records.status()).isEqualTo(200);
    assertThat(json.readTree(records.body()).findValuesAsText("content")).containsExactly("Thank you for your time");
  }

  @Test
  @DisplayName("END-1 only the coach and the client of the relationship can end it: another coach gets 403")
  void another_coach_is_refused() {
    String id = driver.inForce(null);

    RestClientSupport.Answer answer = end(id, OTHER_COACH, """
        {"reason": "CONFLICT_OF_INTEREST"}""");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("Only the coach and the client of a relationship can end it.");
    assertThat(driver.relationship(id).get("OUTCOME")).isNull();
  }

  @Test
  @DisplayName("END-1 a relationship is ended early only once its contract is in force: before, 409")
  void not_before_the_contract() {
    String id = driver.start(COACH, CLIENT, null, "COACHING");

    RestClientSupport.Answer answer = end(id, COACH, """
        {"reason": "CONFLICT_OF_INTEREST"}""");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body()).contains("cannot be ended early now");
  }

  @Test
  @DisplayName("END-1 a reason the API does not know, or another reason without details: 400 naming the field")
  void bad_reasons() throws Exception {
    String id = driver.inForce(null);

    RestClientSupport.Answer unknown = end(id, COACH, """
        {"reason": "BORED"}""");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).get("field").asText()).isEqualTo("reason");

    RestClientSupport.Answer other = end(id, COACH, """
        {"reason": "OTHER"}""");
    assertThat(other.status()).isEqualTo(400);
    assertThat(json.readTree(other.body()).get("field").asText()).isEqualTo("details");
    assertThat(json.readTree(other.body()).get("detail").asText()).isEqualTo("Describe the other reason.");
    assertThat(driver.relationship(id).get("OUTCOME")).isNull();
  }

  @Test
  @DisplayName("END-1 the API refuses anonymous callers and unknown relationships")
  void anonymous_and_unknown() {
    assertThat(rest.post("/api/relationships/R-000001/ending", "{}", null, null).status()).isEqualTo(401);
    assertThat(end("R-999999", COACH, """
        {"reason": "OTHER", "details": "x"}""").status()).isEqualTo(404);
  }
}
