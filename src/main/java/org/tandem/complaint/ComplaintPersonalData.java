package org.tandem.complaint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalData;
import org.tandem.privacy.PersonalRows;

/**
 * Complaints a person raised or that were raised about them (CMP-1, DP-2). An open one is a reason to keep the
 * person's data until it is decided; once erased, a complaint stays on record under the pseudonym.
 */
@Component
class ComplaintPersonalData implements PersonalData {

  private final JdbcClient jdbc;

  ComplaintPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "complaints";
  }

  @Override
  public int erasureOrder() {
    return 40;
  }

  @Override
  public Object export(String personId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("raised", PersonalRows.of(jdbc, "select * from complaint where raised_by = :person order by raised_at",
        personId));
    data.put("about", PersonalRows.of(jdbc, "select * from complaint where coach_id = :person order by raised_at",
        personId));
    return data;
  }

  @Override
  public java.util.Set<String> recordKeys(String personId) {
    return java.util.Set.copyOf(jdbc.sql("select id from complaint where raised_by = :person or coach_id = :person")
        .param("person", personId).query(String.class).list());
  }

  @Override
  public List<String> reasonsToHold(String personId) {
    return jdbc.sql("""
            select id from complaint where closed_at is null and (coach_id = :person or raised_by = :person)
            order by raised_at""")
        .param("person", personId).query(String.class).list().stream()
        .map(id -> "Complaint " + id + " is open: it is decided first (CMP-1).")
        .toList();
  }

  /** DP-3: complaints decided before the cutoff. */
  @Override
  public int disposeOfExpired(java.time.Instant cutoff) {
    int disposed = jdbc.sql("delete from complaint where closed_at < :cutoff")
        .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
    // the bare profiles that kept an erased coach's complaints on record
    jdbc.sql("""
            delete from coach_profile p where p.status = 'REMOVED' and p.status_reason = 'Erased' and p.email = ''
            and not exists (select 1 from complaint c where c.coach_id = p.user_id)""").update();
    return disposed;
  }

  @Override
  public void erase(String personId, String pseudonym) {
    jdbc.sql("update complaint set raised_by = :pseudonym where raised_by = :person")
        .param("pseudonym", pseudonym).param("person", personId).update();
  }
}
