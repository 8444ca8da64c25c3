package org.tandem.access;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalData;
import org.tandem.privacy.PersonalRows;

/**
 * The handovers of tasks a person held, took over or made (DP-2). They stay for the others involved, so erasure
 * leaves them to the whole-database search, which writes the person's id out of them.
 */
@Component
class HandoverPersonalData implements PersonalData {

  private final JdbcClient jdbc;

  HandoverPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "taskHandovers";
  }

  @Override
  public int erasureOrder() {
    return 50;
  }

  @Override
  public Object export(String personId) {
    return PersonalRows.of(jdbc, "select * from task_handover where from_user = :person or to_user = :person "
        + "or handed_by = :person order by id", personId);
  }

  @Override
  public void erase(String personId, String pseudonym) {
    jdbc.sql("update task_handover set from_user = :pseudonym where from_user = :person")
        .param("pseudonym", pseudonym).param("person", personId).update();
    jdbc.sql("update task_handover set to_user = :pseudonym where to_user = :person")
        .param("pseudonym", pseudonym).param("person", personId).update();
    jdbc.sql("update task_handover set handed_by = :pseudonym where handed_by = :person")
        .param("pseudonym", pseudonym).param("person", personId).update();
  }

  /** DP-3: handovers made before the cutoff. */
  @Override
  public int disposeOfExpired(Instant cutoff) {
    return jdbc.sql("delete from task_handover where handed_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).update();
  }
}
