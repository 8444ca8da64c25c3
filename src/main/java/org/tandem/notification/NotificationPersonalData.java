package org.tandem.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalTables;

/** The notifications to a person, pending and sent, and how they want them (DP-2, DP-3). */
@Component
class NotificationPersonalData extends PersonalTables {

  NotificationPersonalData(JdbcClient jdbc) {
    super(jdbc, "notifications", 50);
  }

  @Override
  public Object export(String personId) {
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put("notifications", rows("""
        select kind, subject, relationship_id, state, created_at, sent_at from notification
        where recipient_id = :person order by created_at, id""", personId));
    copy.put("preference", rows("select delivery, changed_at from notification_preference where person_id = :person",
        personId));
    return copy;
  }

  /** DP-3: notifications made before the cutoff, sent or not. */
  @Override
  public int disposeOfExpired(Instant cutoff) {
    return deleteBefore("notification", "created_at", cutoff);
  }

  /** Every notification to the person, and every one to a coordinator that names them as who holds a task. */
  @Override
  public void erase(String personId, String pseudonym) {
    delete("notification", "recipient_id", personId);
    jdbc.sql("delete from notification where params like :holder")
        .param("holder", "%\"holderId\":\"" + personId.replace("%", "\\%").replace("_", "\\_") + "\"%").update();
    delete("notification_preference", "person_id", personId);
  }
}
