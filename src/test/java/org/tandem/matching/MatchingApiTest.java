package org.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/** Coaching requests, shortlists and choices over HTTP, as each role. */
class MatchingApiTest extends ApiTest {

  @Test
  @DisplayName("MAT-1 MAT-3 a client asks, reads the shortlist and chooses through the API; others may not")
  void request_through_the_api() throws Exception {
    RestClientSupport.Answer created = rest.post("/api/requests", """
        {"consent": true, "kind": "COACHING", "developmentNeed": "Confidence in meetings",
         "preferredSpecialism": "CONFIDENCE", "organisation": "Dudley Group"}""", "carl", "demo");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();

    RestClientSupport.Answer shortlist = rest.get("/api/requests/" + id + "/shortlist", "carl", "demo");
    assertThat(shortlist.status()).isEqualTo(200);
    JsonNode candidates = json.readTree(shortlist.body());
    assertThat(candidates).isNotEmpty();
    assertThat(candidates.get(0).get("reasons")).isNotEmpty();
    assertThat(rest.get("/api/requests/" + id + "/shortlist", "clara", "demo").status()).isEqualTo(403);

    RestClientSupport.Answer wrong = rest.post("/api/requests/" + id + "/choice", """
        {"coachId": "nobodyhere"}""", "carl", "demo");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(json.readTree(wrong.body()).get("field").asText()).isEqualTo("chosenCoachId");

    String coach = candidates.get(0).get("coachId").asText();
    assertThat(rest.post("/api/requests/" + id + "/choice", "{\"coachId\": \"" + coach + "\"}", "carl", "demo")
        .status()).isEqualTo(200);
    assertThat(driver.task(id, "Task_CoachAnswers").getAssignee()).isEqualTo(coach);
  }

  @Test
  @DisplayName("MAT-1 DP-1 a request without consent over the API is 400 and keeps nothing")
  void request_without_consent() throws Exception {
    long before = jdbc.sql("select count(*) from coaching_request").query(Long.class).single();
    RestClientSupport.Answer refused = rest.post("/api/requests", """
        {"consent": false, "kind": "COACHING", "developmentNeed": "x", "organisation": "y"}""", "carl", "demo");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("field").asText()).isEqualTo("consent");
    assertThat(jdbc.sql("select count(*) from coaching_request").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  @DisplayName("MAT-3 through Tasklist's door a coordinator can match by hand only with a coach the form offers: 400")
  void hand_match_only_from_the_list() throws Exception {
    RestClientSupport.Answer created = rest.post("/api/requests", """
        {"consent": true, "kind": "MENTORING", "developmentNeed": "Moving into management",
         "organisation": "Dudley Group", "lineManagers": ["colin"]}""", "carl", "demo");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();
    String task = driver.task(id, "Task_MatchByHand").getId();
    assertThat(rest.post("/engine-rest/task/" + task + "/claim", "{\"userId\": \"cora\"}", "cora", "demo").status())
        .isEqualTo(204);

    RestClientSupport.Answer refused = rest.post("/engine-rest/task/" + task + "/submit-form",
        "{\"variables\": {\"handCoachId\": {\"value\": \"colin\"}}}", "cora", "demo");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("handCoachId");
    assertThat(driver.task(id, "Task_MatchByHand")).as("the request still waits for a match").isNotNull();
  }
}
