package org.tandem.notification;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalTables;

/** The reminders sent to a person (DP-2). */
@Component
class NotificationPersonalData extends PersonalTables {

  NotificationPersonalData(JdbcClient jdbc) {
    super(jdbc, "notifications", 50);
  }

  @Override
  public Object export(String personId) {
    return rows("select * from notification where recipient_id = :person order by created_at", personId);
  }

  /** DP-3: reminders sent before the cutoff. */
  @Override
  public int disposeOfExpired(Instant cutoff) {
    return deleteBefore("notification", "created_at", cutoff);
  }

  @Override
  public void erase(String personId, String pseudonym) {
    delete("notification", "recipient_id", personId);
  }
}
