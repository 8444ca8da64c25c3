package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.identity.Roles;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;

/**
 * The parties' ids change through no form and no engine call; a sponsor who changes jobs is replaced through the
 * product, by a coordinator or an administrator who says why, and the change is kept.
 */
class SponsorChangeApiTest extends ApiTest {

  String newSponsor;
  String relationshipId;

  @BeforeEach
  void aContractWaitingForTheSponsor() {
    newSponsor = driver.newPerson("sal", Roles.SPONSORS);
    relationshipId = driver.signed(SPONSOR);
  }

  private RestClientSupport.Answer change(String user, String password, String sponsor, String reason) {
    return rest.put("/api/relationships/" + relationshipId + "/sponsor",
        "{\"sponsorId\":" + (sponsor == null ? "null" : "\"" + sponsor + "\"") + ",\"reason\":"
            + (reason == null ? "null" : "\"" + reason + "\"") + "}", user, password);
  }

  @Test
  @DisplayName("CON-5 a coordinator names a new sponsor: the goals agreement waits for them, and the change is kept")
  void new_sponsor() throws Exception {
    RestClientSupport.Answer answer = change(COORDINATOR, "demo", newSponsor, "Sam moved to another trust");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).get("sponsorId").asText()).isEqualTo(newSponsor);
    assertThat(driver.task(relationshipId, "Task_SponsorAgreesGoals").getAssignee()).isEqualTo(newSponsor);
    assertThat(driver.relationship(relationshipId).get("SPONSOR_ID")).isEqualTo(newSponsor);
    driver.instances(relationshipId).forEach(instance -> {
      Object sponsor = engine.getRuntimeService().getVariable(instance.getId(), "sponsorId");
      assertThat(sponsor).as(instance.getProcessDefinitionId()).isIn(newSponsor, null);
    });
    assertThat(driver.rows("select * from party_change where relationship_id = :id", relationshipId))
        .singleElement().satisfies(row -> {
          assertThat(row.get("FROM_USER")).isEqualTo(SPONSOR);
          assertThat(row.get("TO_USER")).isEqualTo(newSponsor);
          assertThat(row.get("REASON")).isEqualTo("Sam moved to another trust");
          assertThat(row.get("CHANGED_BY")).isEqualTo(COORDINATOR);
        });
    driver.sponsorAgrees(relationshipId, newSponsor);
    assertThat(driver.relationship(relationshipId).get("STATUS")).isEqualTo("ACTIVE");
  }

  @Test
  @DisplayName("CON-5 no change without a reason, to someone who is no sponsor, or by anyone but a coordinator or an administrator")
  void refused_changes_change_nothing() throws Exception {
    RestClientSupport.Answer noReason = change(COORDINATOR, "demo", newSponsor, null);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(json.readTree(noReason.body()).get("field").asText()).isEqualTo("reason");
    RestClientSupport.Answer notASponsor = change("admin", "admin", "carl", "Carl asked");
    assertThat(notASponsor.status()).isEqualTo(400);
    assertThat(json.readTree(notASponsor.body()).get("field").asText()).isEqualTo("sponsorId");
    for (String user : new String[] {COACH, CLIENT, SPONSOR}) {
      assertThat(change(user, "demo", newSponsor, "mine").status()).as(user).isEqualTo(403);
    }
    assertThat(driver.task(relationshipId, "Task_SponsorAgreesGoals").getAssignee()).isEqualTo(SPONSOR);
    assertThat(driver.relationship(relationshipId).get("SPONSOR_ID")).isEqualTo(SPONSOR);
    assertThat(driver.rows("select * from party_change where relationship_id = :id", relationshipId)).isEmpty();
  }

  @Test
  @DisplayName("DP-1 CON-5 a sponsor who withdraws consent leaves the goals agreement to the coordinators, who claim and complete it")
  void withdrawn_sponsor_passes_the_agreement_to_the_coordinators() {
    String sponsor = driver.newPerson("sid", Roles.SPONSORS);
    assertThat(change(COORDINATOR, "demo", sponsor, "A new line manager").status()).isEqualTo(200);

    RestClientSupport.Answer withdrawn = rest.post("/api/consents/withdrawal", "{}", sponsor, "demo");
    assertThat(withdrawn.status()).as(withdrawn.body()).isBetween(200, 204);

    var task = driver.task(relationshipId, "Task_SponsorAgreesGoals");
    assertThat(task.getAssignee()).isNull();
    driver.claimAndComplete(relationshipId, "Task_SponsorAgreesGoals", COORDINATOR, Map.of("contractAnswer", "AGREE"));
    assertThat(driver.relationship(relationshipId).get("STATUS")).isEqualTo("ACTIVE");
  }
}
