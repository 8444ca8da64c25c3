package org.tandem.register;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
import org.tandem.privacy.PersonalTables;

/**
 * A coach's or mentor's place on the register: profile, specialisms, places, CPD log (DP-2). Stopping takes them off
 * the register; erasing removes the profile and the log. Where a complaint about them must stay on record, it keeps
 * a bare profile under the pseudonym, with nothing of the person in it.
 */
@Component
class RegisterPersonalData extends PersonalTables {

  private final ProfileRepository profiles;

  RegisterPersonalData(JdbcClient jdbc, ProfileRepository profiles) {
    super(jdbc, "register", 30);
    this.profiles = profiles;
  }

  @Override
  public Object export(String personId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("profile", rows("select * from coach_profile where user_id = :person", personId));
    data.put("specialisms", rows("select specialism from coach_specialism where user_id = :person", personId));
    data.put("locations", rows("select location from coach_location where user_id = :person", personId));
    data.put("cpdLog", rows("select * from cpd_entry where coach_id = :person order by occurred_on", personId));
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
  public int disposeOfExpired(Instant cutoff) {
    return deleteBefore("cpd_entry", "occurred_on", cutoff.atZone(ZoneOffset.UTC).toLocalDate());
  }

  @Override
  public void erase(String personId, String pseudonym) {
    if (profiles.find(personId).isEmpty()) {
      return;
    }
    delete("cpd_entry", "coach_id", personId);
    delete("coach_specialism", "user_id", personId);
    delete("coach_location", "user_id", personId);
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
      pseudonymise(personId, pseudonym, "complaint", "coach_id");
    }
    delete("coach_profile", "user_id", personId);
  }
}
