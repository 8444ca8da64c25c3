package org.tandem.complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalTables;

/**
 * Complaints a person raised or that were raised about them (CMP-1, DP-2). An open one is a reason to keep the
 * person's data until it is decided; once erased, a complaint stays on record under the pseudonym.
 */
@Component
class ComplaintPersonalData extends PersonalTables {

  ComplaintPersonalData(JdbcClient jdbc) {
    super(jdbc, "complaints", 40);
  }

  @Override
  public Object export(String personId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("raised", rows("select * from complaint where raised_by = :person order by raised_at", personId));
    data.put("about", rows("select * from complaint where coach_id = :person order by raised_at", personId));
    return data;
  }

  @Override
  public Set<String> recordKeys(String personId) {
    return Set.copyOf(ids("select id from complaint where raised_by = :person or coach_id = :person", personId));
  }

  @Override
  public List<String> reasonsToHold(String personId) {
    return ids("""
            select id from complaint where closed_at is null and (coach_id = :person or raised_by = :person)
            order by raised_at""", personId).stream()
        .map(id -> "Complaint " + id + " is open: it is decided first (CMP-1).")
        .toList();
  }

  /** DP-3: complaints decided before the cutoff. */
  @Override
  public int disposeOfExpired(Instant cutoff) {
    int disposed = deleteBefore("complaint", "closed_at", cutoff);
    // the bare profiles that kept an erased coach's complaints on record
    jdbc.sql("""
            delete from coach_profile p where p.status = 'REMOVED' and p.status_reason = 'Erased' and p.email = ''
            and not exists (select 1 from complaint c where c.coach_id = p.user_id)""").update();
    return disposed;
  }

  @Override
  public void erase(String personId, String pseudonym) {
    pseudonymise(personId, pseudonym, "complaint", "raised_by");
  }
}
