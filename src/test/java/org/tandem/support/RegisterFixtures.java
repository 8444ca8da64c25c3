package org.tandem.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Profiles on the register and relationships, written straight into the product's tables for tests. */
public final class RegisterFixtures {

  private final JdbcClient jdbc;
  private int relationships;

  public RegisterFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A profile, listed unless said otherwise. */
  public final class Profile {
    private final String userId;
    private boolean coach = true;
    private boolean mentor;
    private String status = "LISTED";
    private boolean lapsed;
    private int capacity = 3;
    private boolean virtual = true;
    private boolean hybrid;
    private boolean inPerson;
    private Set<String> specialisms = Set.of();
    private Set<String> locations = Set.of();

    Profile(String userId) {
      this.userId = userId;
    }

    public Profile mentorOnly() {
      coach = false;
      mentor = true;
      return this;
    }

    public Profile alsoMentor() {
      mentor = true;
      return this;
    }

    public Profile status(String status) {
      this.status = status;
      return this;
    }

    public Profile lapsed() {
      lapsed = true;
      return this;
    }

    public Profile capacity(int capacity) {
      this.capacity = capacity;
      return this;
    }

    public Profile inPersonOnly() {
      virtual = false;
      inPerson = true;
      return this;
    }

    public Profile specialisms(String... specialisms) {
      this.specialisms = Set.of(specialisms);
      return this;
    }

    public Profile locations(String... locations) {
      this.locations = Set.of(locations);
      return this;
    }

    public String save() {
      jdbc.sql("""
              insert into coach_profile (user_id, first_name, last_name, email, organisation, is_coach, is_mentor,
                qualification, interview_passed, trained_supervisor, charges_fees, offers_virtual, offers_hybrid,
                offers_in_person, capacity, status, coach_lapsed, applied_at, listed_at)
              values (:id, :first, 'Test', :email, 'Test Trust', :coach, :mentor, 'ILM_LEVEL_5', false, false, false,
                :virtual, :hybrid, :inPerson, :capacity, :status, :lapsed, :at, :at)""")
          .param("id", userId).param("first", userId).param("email", userId + "@example.org")
          .param("coach", coach).param("mentor", mentor).param("virtual", virtual).param("hybrid", hybrid)
          .param("inPerson", inPerson).param("capacity", capacity).param("status", status).param("lapsed", lapsed)
          .param("at", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))).update();
      specialisms.forEach(specialism -> jdbc.sql(
              "insert into coach_specialism (user_id, specialism) values (:id, :specialism)")
          .param("id", userId).param("specialism", specialism).update());
      locations.forEach(location -> jdbc.sql("insert into coach_location (user_id, location) values (:id, :location)")
          .param("id", userId).param("location", location).update());
      return userId;
    }
  }

  public Profile profile(String userId) {
    return new Profile(userId);
  }

  /** A relationship between a coach and a client, open unless closed with a reason; an open one loads its coach. */
  public String relationship(String coachId, String clientId, String status, String endReason) {
    String id = "R-T%05d".formatted(++relationships);
    jdbc.sql("""
            insert into relationship (id, kind, coach_id, client_id, status, opened_at, end_reason)
            values (:id, 'COACHING', :coach, :client, :status, :at, :reason)""")
        .param("id", id).param("coach", coachId).param("client", clientId).param("status", status)
        .param("at", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))).param("reason", endReason).update();
    if (!"CLOSED".equals(status)) {
      jdbc.sql("update coach_profile set active_clients = active_clients + 1 where user_id = :coach")
          .param("coach", coachId).update();
    }
    return id;
  }
}
