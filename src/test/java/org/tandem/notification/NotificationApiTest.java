package org.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.OTHER_CLIENT;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tandem.identity.Roles;
import org.tandem.support.ApiTest;
import org.tandem.support.LifecycleDriver;
import org.tandem.support.RestClientSupport;

/**
 * The outbox with mail off (the shared application has no {@code spring.mail.host}): notifications are kept and shown
 * to coordinators; each person reads their own and chooses how new-task mails reach them.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationApiTest extends ApiTest {

  @Autowired
  OutboxWorker worker;
  @Autowired
  OutboxPoller poller;

  @Test
  @DisplayName("with mail off, notifications are kept, shown to coordinators and to their recipients, and the log says mail is off")
  void mail_off_keeps_notifications(CapturedOutput output) throws Exception {
    poller.start();
    assertThat(output).contains("Mail is off (no spring.mail.host)");

    String id = driver.start(COACH, CLIENT, SPONSOR, "COACHING");
    assertThat(worker.sendDue()).as("no mail goes out").isZero();
    String kept = jdbc.sql("select state from notification where relationship_id = :id and recipient_id = :coach "
            + "and kind = 'NEW_TASK'").param("id", id).param("coach", COACH).query(String.class).single();
    assertThat(kept).isEqualTo("KEPT");

    RestClientSupport.Answer summary = rest.get("/api/notifications/summary", COORDINATOR, "demo");
    assertThat(summary.status()).isEqualTo(200);
    assertThat(json.readTree(summary.body()).get("mailOn").asBoolean()).isFalse();
    assertThat(json.readTree(summary.body()).get("states").get("KEPT").asLong()).isPositive();
    RestClientSupport.Answer coachs = rest.get("/api/notifications?recipient=" + COACH + "&state=KEPT", COORDINATOR,
        "demo");
    assertThat(coachs.body()).contains("New task: Draft the contract with your client").contains(id);
    assertThat(rest.get("/api/notifications", CLIENT, "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/notifications/summary", SPONSOR, "demo").status()).isEqualTo(403);
    assertThat(rest.get("/api/notifications?state=LOST", COORDINATOR, "demo").status()).isEqualTo(400);
    assertThat(rest.get("/api/notifications?limit=0", COORDINATOR, "demo").status()).isEqualTo(400);

    RestClientSupport.Answer mine = rest.get("/api/me/notifications", COACH, "demo");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains("New task: Draft the contract with your client");
    assertThat(rest.get("/api/me/notifications", CLIENT, "demo").body())
        .as("a person sees only their own").doesNotContain("Draft the contract");

    long keptId = jdbc.sql("select id from notification where relationship_id = :id and recipient_id = :coach "
        + "and kind = 'NEW_TASK'").param("id", id).param("coach", COACH).query(Long.class).single();
    assertThat(rest.post("/api/notifications/" + keptId + "/retry", "", COACH, "demo").status())
        .as("only coordinators send again").isEqualTo(403);
    RestClientSupport.Answer again = rest.post("/api/notifications/" + keptId + "/retry", "", COORDINATOR, "demo");
    assertThat(again.status()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("state").asText()).isEqualTo("PENDING");
    assertThat(rest.post("/api/notifications/" + keptId + "/retry", "", COORDINATOR, "demo").status())
        .as("a notification on its way is not sent twice").isEqualTo(404);
    assertThat(rest.post("/api/notifications/999999999/retry", "", COORDINATOR, "demo").status()).isEqualTo(404);
    worker.sendDue();
    assertThat(jdbc.sql("select state from notification where id = :id").param("id", keptId).query(String.class)
        .single()).as("still no mail server: kept again").isEqualTo("KEPT");
  }

  @Test
  @DisplayName("a person who chooses the daily digest gets their new tasks together at the digest time")
  void the_daily_digest() throws Exception {
    String coach = driver.newPerson("dora", Roles.COACHES);
    assertThat(json.readTree(rest.get("/api/me/notification-preference", coach, "demo").body()).get("delivery")
        .asText()).isEqualTo("IMMEDIATE");
    assertThat(rest.put("/api/me/notification-preference", "{\"delivery\":\"HOURLY\"}", coach, "demo").status())
        .isEqualTo(400);
    RestClientSupport.Answer chosen = rest.put("/api/me/notification-preference", "{\"delivery\":\"DAILY_DIGEST\"}",
        coach, "demo");
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.body()).contains("DAILY_DIGEST");

    String first = driver.start(coach, CLIENT, null, "COACHING");
    String second = driver.start(coach, OTHER_CLIENT, null, "MENTORING");
    Map<String, Object> times = jdbc.sql("select min(send_after) as first, max(send_after) as last from notification "
            + "where recipient_id = :coach and kind = 'NEW_TASK'").param("coach", coach).query().singleRow();
    Instant digest = Instant.parse("2026-03-02T07:30:00Z").plus(Duration.ofDays(1));
    assertThat(LifecycleDriver.instant(times.get("FIRST"))).isEqualTo(digest);
    assertThat(LifecycleDriver.instant(times.get("LAST"))).isEqualTo(digest);
    assertThat(first).isNotEqualTo(second);
  }
}
