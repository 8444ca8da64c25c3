package org.tandem.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.LifecycleSettings;

/** How each person wants their "you have a new task" mails: at once (the default) or in a daily digest. */
@Component
class Preferences {

  /** How new-task mails reach a person. */
  enum Delivery {
    IMMEDIATE, DAILY_DIGEST
  }

  private final JdbcClient jdbc;
  private final NotificationSettings settings;
  private final ZoneId zone;

  Preferences(JdbcClient jdbc, NotificationSettings settings, LifecycleSettings lifecycle) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.zone = lifecycle.zone();
  }

  ZoneId zone() {
    return zone;
  }

  Delivery of(String personId) {
    return jdbc.sql("select delivery from notification_preference where person_id = :person")
        .param("person", personId).query(String.class).optional().map(Delivery::valueOf).orElse(Delivery.IMMEDIATE);
  }

  @Transactional
  Delivery choose(String personId, String delivery) {
    Delivery chosen;
    try {
      chosen = Delivery.valueOf(delivery == null ? "" : delivery.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("delivery", "Choose IMMEDIATE or DAILY_DIGEST.");
    }
    Timestamp now = Timestamp.from(EngineTime.now());
    int updated = jdbc.sql("update notification_preference set delivery = :delivery, changed_at = :now "
            + "where person_id = :person")
        .param("delivery", chosen.name()).param("now", now).param("person", personId).update();
    if (updated == 0) {
      jdbc.sql("insert into notification_preference (person_id, delivery, changed_at) values (:person, :delivery, :now)")
          .param("delivery", chosen.name()).param("now", now).param("person", personId).update();
    }
    return chosen;
  }

  /** When a new-task mail to the person goes out: now, or at the next digest time. */
  Instant newTaskMailAt(String personId) {
    Instant now = EngineTime.now();
    if (of(personId) == Delivery.IMMEDIATE) {
      return now;
    }
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime digest = local.toLocalDate().atTime(settings.digestAt()).atZone(zone);
    return (digest.isAfter(local) ? digest : digest.plusDays(1)).toInstant();
  }
}
