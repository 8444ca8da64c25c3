package org.tandem.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalData;
import org.tandem.privacy.PersonalRows;

/** The reminders sent to a person (DP-2). */
@Component
class NotificationPersonalData implements PersonalData {

  private final JdbcClient jdbc;

  NotificationPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "notifications";
  }

  @Override
  public int erasureOrder() {
    return 50;
  }

  @Override
  public Object export(String personId) {
    return PersonalRows.of(jdbc, "select * from notification where recipient_id = :person order by created_at",
        personId);
  }

  /** DP-3: reminders sent before the cutoff. */
  @Override
  public int disposeOfExpired(java.time.Instant cutoff) {
    return jdbc.sql("delete from notification where created_at < :cutoff")
        .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
  }

  @Override
  public void erase(String personId, String pseudonym) {
    jdbc.sql("delete from notification where recipient_id = :person").param("person", personId).update();
  }
}
