package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/** The confidential records of a relationship over the API: who reads them, who may share them, and the read log. */
class RecordsApiTest extends ApiTest {

  String id;

  @BeforeEach
  void aSessionWithNotes() {
    id = driver.inForce(SPONSOR);
    driver.holdSession(id, COACH, Map.of("confidentialKeyPoints", "Worried about the restructure",
        "confidentialActions", "Book time with the director"));
    driver.complete(id, "Task_Reflect", COACH, Map.of("privateLearnt", "Slow down before challenging"));
  }

  private String path(String rest) {
    return "/api/relationships/" + id + "/records" + rest;
  }

  private JsonNode ok(RestClientSupport.Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
    return json.readTree(answer.body());
  }

  private long recordId(String field) throws Exception {
    for (JsonNode entry : ok(rest.get(path("/summary"), CLIENT, "demo"))) {
      if (entry.get("field").asText().equals(field)) {
        return entry.get("id").asLong();
      }
    }
    throw new AssertionError("no record " + field);
  }

  @Test
  @DisplayName("DP-6 every read of a confidential record is logged with who, when and which record; the log shows no content")
  void reads_are_logged() throws Exception {
    ok(rest.get(path(""), CLIENT, "demo"));
    ok(rest.get(path(""), COACH, "demo"));

    JsonNode reads = ok(rest.get(path("/reads"), COORDINATOR, "demo"));
    assertThat(reads.findValuesAsText("readerId")).containsOnly(CLIENT, COACH);
    assertThat(reads).hasSize(2 + 3).allSatisfy(read -> {
      assertThat(read.get("readAt").asText()).isNotBlank();
      assertThat(read.get("recordId").asLong()).isPositive();
      assertThat(read.get("purpose").asText()).isEqualTo("RELATIONSHIP");
    });
    assertThat(reads.toString()).doesNotContain("restructure");
    assertThat(rest.get(path("/reads"), OTHER_CLIENT, "demo").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("DP-5 coordinators know how many records a relationship has, about what and when, never what they say")
  void coordinators_see_counts_and_dates() throws Exception {
    JsonNode summary = ok(rest.get(path("/summary"), COORDINATOR, "demo"));
    assertThat(summary).hasSize(3);
    assertThat(summary.findValuesAsText("field"))
        .containsExactlyInAnyOrder("confidentialKeyPoints", "confidentialActions", "privateLearnt");
    assertThat(summary.findValuesAsText("writtenBy")).containsOnly("COACH");
    assertThat(summary.toString()).doesNotContain("restructure").doesNotContain("director").doesNotContain("Slow");
    assertThat(rest.get(path("/reads"), COORDINATOR, "demo").status()).as("reading the summary reads nothing")
        .isEqualTo(200);
    assertThat(json.readTree(rest.get(path("/reads"), COORDINATOR, "demo").body())).isEmpty();
  }

  @Test
  @DisplayName("DP-4 nothing reaches a third party unless the client agreed: the client shares one record, and can take it back")
  void the_client_shares_with_agreement() throws Exception {
    assertThat(rest.get(path(""), SPONSOR, "demo").status()).as("nothing shared yet").isEqualTo(403);
    long actions = recordId("confidentialActions");

    assertThat(rest.post(path("/" + actions + "/shares"), "{\"with\": \"sam\"}", COACH, "demo").status())
        .as("the coach cannot agree for the client").isEqualTo(403);
    JsonNode share = ok(rest.post(path("/" + actions + "/shares"), "{\"with\": \"sam\"}", CLIENT, "demo"));
    assertThat(share.get("agreedBy").asText()).isEqualTo(CLIENT);

    JsonNode seen = ok(rest.get(path(""), SPONSOR, "demo"));
    assertThat(seen.findValuesAsText("content")).containsExactly("Book time with the director");
    assertThat(ok(rest.get(path("/reads"), CLIENT, "demo")).findValuesAsText("purpose")).containsExactly("SHARED");

    assertThat(rest.delete(path("/" + actions + "/shares/sam"), CLIENT, "demo").status()).isEqualTo(204);
    assertThat(rest.get(path(""), SPONSOR, "demo").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("DP-4 a private note is shared only by its author; bad shares change nothing")
  void private_notes_and_bad_input() throws Exception {
    long reflection = recordId("privateLearnt");
    assertThat(rest.post(path("/" + reflection + "/shares"), "{\"with\": \"sam\"}", CLIENT, "demo").status())
        .isEqualTo(403);
    assertThat(rest.get(path(""), CLIENT, "demo").body()).doesNotContain("Slow down");

    RestClientSupport.Answer unknown =
        rest.post(path("/" + reflection + "/shares"), "{\"with\": \"nobody-here\"}", COACH, "demo");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).get("field").asText()).isEqualTo("with");
    assertThat(rest.post(path("/" + reflection + "/shares"), "{\"with\": \"clara\"}", COACH, "demo").status())
        .as("the client is no third party").isEqualTo(400);
    assertThat(rest.post(path("/999999/shares"), "{\"with\": \"sam\"}", CLIENT, "demo").status()).isEqualTo(404);
    assertThat(ok(rest.get(path("/" + reflection + "/shares"), COACH, "demo"))).isEmpty();
  }
}
