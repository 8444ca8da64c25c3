package org.tandem.access;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalTables;

/**
 * The handovers of tasks a person held, took over or made (DP-2). They stay for the others involved, so erasure
 * leaves them to the whole-database search, which writes the person's id out of them.
 */
@Component
class HandoverPersonalData extends PersonalTables {

  HandoverPersonalData(JdbcClient jdbc) {
    super(jdbc, "taskHandovers", 50);
  }

  @Override
  public Object export(String personId) {
    return rows("select * from task_handover where from_user = :person or to_user = :person "
        + "or handed_by = :person order by id", personId);
  }

  @Override
  public void erase(String personId, String pseudonym) {
    pseudonymise(personId, pseudonym, "task_handover", "from_user", "to_user", "handed_by");
  }

  /** DP-3: handovers made before the cutoff. */
  @Override
  public int disposeOfExpired(Instant cutoff) {
    return deleteBefore("task_handover", "handed_at", cutoff);
  }
}
