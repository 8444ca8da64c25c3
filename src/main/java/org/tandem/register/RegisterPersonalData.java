package org.tandem.register;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
import org.tandem.privacy.PersonalData;
import org.tandem.privacy.PersonalRows;

/**
 * A coach's or mentor's place on the register: profile, specialisms, places, CPD log (DP-2). Stopping takes them off
 * the register; erasing removes the profile and the log. Where a complaint about them must stay on record, it keeps
 * a bare profile under the pseudonym, with nothing of the person in it.
 */
@Component
class RegisterPersonalData implements PersonalData {

  private final JdbcClient jdbc;
  private final ProfileRepository profiles;

  RegisterPersonalData(JdbcClient jdbc, ProfileRepository profiles) {
    this.jdbc = jdbc;
    this.profiles = profiles;
  }

  @Override
  public String section() {
    return "register";
  }

  @Override
  public int erasureOrder() {
    return 30;
  }

  @Override
  public Object export(String personId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("profile", PersonalRows.of(jdbc, "select * from coach_profile where user_id = :person", personId));
    data.put("specialisms", PersonalRows.of(jdbc, "select specialism from coach_specialism where user_id = :person",
        personId));
    data.put("locations", PersonalRows.of(jdbc, "select location from coach_location where user_id = :person",
        personId));
    data.put("cpdLog", PersonalRows.of(jdbc, "select * from cpd_entry where coach_id = :person order by occurred_on",
        personId));
    return data;
  }

  @Override
  public Set<String> identifiers(String personId) {
    Set<String> identifiers = new LinkedHashSet<>();
    profiles.find(personId).ifPresent(profile -> {
      identifiers.add(profile.displayName());
      identifiers.add(profile.email());
      if (profile.phone() != null && !profile.phone().isBlank()) {
        identifiers.add(profile.phone());
      }
    });
    return identifiers;
  }

  @Override
  public Set<String> stopProcessing(String personId) {
    profiles.find(personId)
        .filter(profile -> profile.status() != ProfileStatus.REMOVED && profile.status() != ProfileStatus.REFUSED)
        .ifPresent(profile -> profiles.status(personId, ProfileStatus.REMOVED, "Consent withdrawn", null));
    return Set.of();
  }

  /** DP-3: CPD evidence older than the retention period; the yearly review looks at the past year only. */
  @Override
  public int disposeOfExpired(java.time.Instant cutoff) {
    return jdbc.sql("delete from cpd_entry where occurred_on < :cutoff")
        .param("cutoff", java.sql.Date.valueOf(cutoff.atZone(java.time.ZoneOffset.UTC).toLocalDate())).update();
  }

  @Override
  public void erase(String personId, String pseudonym) {
    if (profiles.find(personId).isEmpty()) {
      return;
    }
    jdbc.sql("delete from cpd_entry where coach_id = :person").param("person", personId).update();
    jdbc.sql("delete from coach_specialism where user_id = :person").param("person", personId).update();
    jdbc.sql("delete from coach_location where user_id = :person").param("person", personId).update();
    boolean complainedAbout = jdbc.sql("select count(*) from complaint where coach_id = :person")
        .param("person", personId).query(Long.class).single() > 0;
    if (complainedAbout) {
      jdbc.sql("""
              insert into coach_profile (user_id, first_name, last_name, email, organisation, is_coach, is_mentor,
                qualification, interview_passed, trained_supervisor, charges_fees, offers_virtual, offers_hybrid,
                offers_in_person, capacity, status, applied_at, status_reason)
              values (:pseudonym, '', '', '', '', false, false, 'NONE', false, false, false, false, false, false, 0,
                'REMOVED', :at, 'Erased')""")
          .param("pseudonym", pseudonym).param("at", Timestamp.from(EngineTime.now())).update();
      jdbc.sql("update complaint set coach_id = :pseudonym where coach_id = :person")
          .param("pseudonym", pseudonym).param("person", personId).update();
    }
    jdbc.sql("delete from coach_profile where user_id = :person").param("person", personId).update();
  }
}
