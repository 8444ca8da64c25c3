package org.tandem.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.contracting.SessionFormat;

@Repository
class ProfileRepository {

  private final JdbcClient jdbc;

  ProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String userId) {
    return jdbc.sql("select count(*) from coach_profile where user_id = :id").param("id", userId)
        .query(Long.class).single() > 0;
  }

  void insert(Application application, Set<String> locations, Instant at) {
    ProfileDetails details = application.details();
    jdbc.sql("""
            insert into coach_profile (user_id, first_name, last_name, email, phone, organisation, is_coach, is_mentor,
              qualification, qualification_details, interview_passed, trained_supervisor, charges_fees, fees,
              offers_virtual, offers_hybrid, offers_in_person, capacity, status, ethics_declared_at, applied_at)
            values (:id, :first, :last, :email, :phone, :organisation, :coach, :mentor, :qualification, :details,
              false, :supervisor, :chargesFees, :fees, :virtual, :hybrid, :inPerson, :capacity, 'APPLIED',
              :ethics, :at)""")
        .params(detailParameters(details))
        .param("id", application.userId()).param("first", application.firstName().trim())
        .param("last", application.lastName().trim()).param("email", application.email().trim())
        .param("coach", application.coach()).param("mentor", application.mentor())
        .param("ethics", application.ethicsDeclared() ? Timestamp.from(at) : null)
        .param("at", Timestamp.from(at))
        .update();
    replaceLists(application.userId(), details.specialisms(), locations);
  }

  void update(String userId, ProfileDetails details, Set<String> locations) {
    jdbc.sql("""
            update coach_profile set phone = :phone, organisation = :organisation, qualification = :qualification,
              qualification_details = :details, trained_supervisor = :supervisor, charges_fees = :chargesFees,
              fees = :fees, offers_virtual = :virtual, offers_hybrid = :hybrid, offers_in_person = :inPerson,
              capacity = :capacity
            where user_id = :id""")
        .params(detailParameters(details)).param("id", userId)
        .update();
    replaceLists(userId, details.specialisms(), locations);
  }

  /** The named parameters of a profile's details, for the insert and the update alike. */
  private static Map<String, Object> detailParameters(ProfileDetails details) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("phone", details.phone());
    parameters.put("organisation", details.organisation().trim());
    parameters.put("qualification", details.qualification().name());
    parameters.put("details", details.qualificationDetails());
    parameters.put("supervisor", details.trainedSupervisor());
    parameters.put("chargesFees", details.chargesFees());
    parameters.put("fees", details.chargesFees() ? details.fees() : null);
    parameters.put("virtual", details.formats().contains(SessionFormat.VIRTUAL));
    parameters.put("hybrid", details.formats().contains(SessionFormat.HYBRID));
    parameters.put("inPerson", details.formats().contains(SessionFormat.IN_PERSON));
    parameters.put("capacity", details.capacity());
    return parameters;
  }

  private void replaceLists(String userId, Set<Specialism> specialisms, Set<String> locations) {
    jdbc.sql("delete from coach_specialism where user_id = :id").param("id", userId).update();
    jdbc.sql("delete from coach_location where user_id = :id").param("id", userId).update();
    for (Specialism specialism : specialisms == null ? Set.<Specialism>of() : specialisms) {
      jdbc.sql("insert into coach_specialism (user_id, specialism) values (:id, :specialism)")
          .param("id", userId).param("specialism", specialism.name()).update();
    }
    for (String location : locations) {
      jdbc.sql("insert into coach_location (user_id, location) values (:id, :location)")
          .param("id", userId).param("location", location).update();
    }
  }

  void status(String userId, ProfileStatus status, String reason, Instant listedAt) {
    jdbc.sql("""
            update coach_profile set status = :status, status_reason = :reason,
              listed_at = coalesce(:listedAt, listed_at)
            where user_id = :id""")
        .param("status", status.name()).param("reason", reason)
        .param("listedAt", listedAt == null ? null : Timestamp.from(listedAt)).param("id", userId).update();
  }

  void interview(String userId, boolean passed, String notes) {
    jdbc.sql("update coach_profile set interview_passed = :passed, interview_notes = :notes where user_id = :id")
        .param("passed", passed).param("notes", notes).param("id", userId).update();
  }

  void adjustLoad(String userId, int delta) {
    jdbc.sql("update coach_profile set active_clients = active_clients + :delta where user_id = :id")
        .param("delta", delta).param("id", userId).update();
  }

  void lapsed(String userId, boolean lapsed) {
    jdbc.sql("update coach_profile set coach_lapsed = :lapsed where user_id = :id")
        .param("lapsed", lapsed).param("id", userId).update();
  }

  Optional<CoachProfile> find(String userId) {
    return jdbc.sql("select * from coach_profile where user_id = :id").param("id", userId)
        .query((rs, n) -> map(rs)).optional();
  }

  /** Listed profiles matching a search, by last name; every criterion may be left out. */
  List<CoachProfile> search(Boolean coach, Boolean mentor, Specialism specialism, String location, int offset,
      int limit) {
    StringBuilder sql = new StringBuilder("select p.* from coach_profile p where p.status = 'LISTED'");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (coach != null) {
      sql.append(" and p.is_coach = :coach");
      params.put("coach", coach);
    }
    if (mentor != null) {
      sql.append(" and p.is_mentor = :mentor");
      params.put("mentor", mentor);
    }
    if (specialism != null) {
      sql.append(" and exists (select 1 from coach_specialism s where s.user_id = p.user_id"
          + " and s.specialism = :specialism)");
      params.put("specialism", specialism.name());
    }
    if (location != null) {
      sql.append(" and exists (select 1 from coach_location l where l.user_id = p.user_id and l.location = :location)");
      params.put("location", location);
    }
    sql.append(" order by p.last_name, p.first_name, p.user_id offset :offset rows fetch next :limit rows only");
    params.put("offset", offset);
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
  }

  CoachProfile map(ResultSet rs) throws SQLException {
    String userId = rs.getString("user_id");
    Set<Specialism> specialisms = EnumSet.noneOf(Specialism.class);
    jdbc.sql("select specialism from coach_specialism where user_id = :id").param("id", userId)
        .query(String.class).list().forEach(name -> specialisms.add(Specialism.valueOf(name)));
    Set<String> locations = new HashSet<>(jdbc.sql("select location from coach_location where user_id = :id")
        .param("id", userId).query(String.class).list());
    Set<SessionFormat> formats = EnumSet.noneOf(SessionFormat.class);
    if (rs.getBoolean("offers_virtual")) {
      formats.add(SessionFormat.VIRTUAL);
    }
    if (rs.getBoolean("offers_hybrid")) {
      formats.add(SessionFormat.HYBRID);
    }
    if (rs.getBoolean("offers_in_person")) {
      formats.add(SessionFormat.IN_PERSON);
    }
    Timestamp listed = rs.getTimestamp("listed_at");
    return new CoachProfile(userId, rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
        rs.getString("phone"), rs.getString("organisation"), rs.getBoolean("is_coach"), rs.getBoolean("is_mentor"),
        Qualification.valueOf(rs.getString("qualification")), rs.getString("qualification_details"),
        rs.getBoolean("interview_passed"), rs.getBoolean("trained_supervisor"), rs.getBoolean("charges_fees"),
        rs.getString("fees"), specialisms, formats, locations, rs.getInt("capacity"),
        ProfileStatus.valueOf(rs.getString("status")), rs.getBoolean("coach_lapsed"),
        rs.getTimestamp("applied_at").toInstant(), listed == null ? null : listed.toInstant(),
        rs.getString("status_reason"));
  }
}
