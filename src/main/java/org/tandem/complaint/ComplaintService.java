package org.tandem.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.RecordIds;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.People;
import org.tandem.identity.Roles;
import org.tandem.register.RegisterService;

/** CMP-1: raising a concern, the coach's response, HR's view, the coaching lead's decision. */
@Service
class ComplaintService {

  private final JdbcClient jdbc;
  private final RegisterService register;
  private final People people;

  ComplaintService(JdbcClient jdbc, RegisterService register, People people) {
    this.jdbc = jdbc;
    this.register = register;
    this.people = people;
  }

  /** A client or another coach raises a concern about a coach on the register. */
  @Transactional
  public Complaint raise(String raisedBy, String coachId, String clientOrganisation, String concern) {
    if (coachId == null || register.find(coachId).isEmpty()) {
      throw new InvalidInputException(ComplaintVariables.COACH_ID,
          "There is no coach or mentor '" + coachId + "' on the register.");
    }
    if (coachId.equals(raisedBy)) {
      throw new InvalidInputException(ComplaintVariables.COACH_ID, "A concern is about someone else's conduct.");
    }
    String role = people.hasRole(raisedBy, Roles.COACHES) ? "COACH" : people.hasRole(raisedBy, Roles.CLIENTS)
        ? "CLIENT" : null;
    if (role == null) {
      throw new InvalidInputException(ComplaintVariables.RAISED_BY, "Concerns are raised by clients and by coaches.");
    }
    if (clientOrganisation == null || clientOrganisation.isBlank()) {
      throw new InvalidInputException(ComplaintVariables.CLIENT_ORGANISATION,
          "Name the client's organisation: its HR department considers the concern if the coach cannot resolve it.");
    }
    if (concern == null || concern.isBlank() || concern.length() > 4000) {
      throw new InvalidInputException(ComplaintVariables.CONCERN, "Describe the concern in at most 4000 characters.");
    }
    String id = RecordIds.next(jdbc, "complaint_number", "C");
    jdbc.sql("""
            insert into complaint (id, coach_id, raised_by, raised_by_role, client_organisation, concern, stage,
              raised_at)
            values (:id, :coach, :raisedBy, :role, :organisation, :concern, 'WITH_COACH', :at)""")
        .param("id", id).param("coach", coachId).param("raisedBy", raisedBy).param("role", role)
        .param("organisation", clientOrganisation.trim()).param("concern", concern.trim())
        .param("at", Timestamp.from(EngineTime.now())).update();
    return find(id).orElseThrow();
  }

  @Transactional
  public void coachResponded(String id, String response) {
    if (response == null || response.isBlank()) {
      throw new InvalidInputException(ComplaintVariables.COACH_RESPONSE, "Give your response to the concern.");
    }
    jdbc.sql("update complaint set coach_response = :response where id = :id")
        .param("response", response.trim()).param("id", id).update();
  }

  /** Not resolved with the coach: to the HR department of the client's organisation. */
  @Transactional
  public void toHr(String id) {
    stage(id, Complaint.Stage.WITH_HR);
  }

  @Transactional
  public void hrConsidered(String id, boolean resolved, String notes) {
    if (notes == null || notes.isBlank()) {
      throw new InvalidInputException(ComplaintVariables.HR_NOTES, "Record HR's view of the concern.");
    }
    jdbc.sql("update complaint set hr_notes = :notes where id = :id").param("notes", notes.trim()).param("id", id)
        .update();
    if (!resolved) {
      stage(id, Complaint.Stage.WITH_LEAD);
    }
  }

  @Transactional
  public void resolved(String id) {
    jdbc.sql("update complaint set stage = 'RESOLVED', closed_at = :at where id = :id")
        .param("at", Timestamp.from(EngineTime.now())).param("id", id).update();
  }

  /** The coaching lead decides: no action, suspension (not matched until lifted) or removal from the register. */
  @Transactional
  public void decided(String id, Complaint.Decision decision, String reason) {
    Complaint complaint = find(id).orElseThrow();
    if (decision == null) {
      throw new InvalidInputException(ComplaintVariables.DECISION,
          "Choose no action, suspension or removal from the register.");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(ComplaintVariables.DECISION_REASON, "Give the reason for the decision.");
    }
    switch (decision) {
      case SUSPEND -> register.suspend(complaint.coachId(), "Suspended after complaint " + id + ": " + reason);
      case REMOVE -> register.remove(complaint.coachId(), "Removed after complaint " + id + ": " + reason);
      case NO_ACTION -> {
      }
    }
    jdbc.sql("""
            update complaint set decision = :decision, decision_reason = :reason, stage = 'DECIDED', closed_at = :at
            where id = :id""")
        .param("decision", decision.name()).param("reason", reason.trim())
        .param("at", Timestamp.from(EngineTime.now())).param("id", id).update();
  }

  private void stage(String id, Complaint.Stage stage) {
    jdbc.sql("update complaint set stage = :stage where id = :id").param("stage", stage.name()).param("id", id)
        .update();
  }

  public Optional<Complaint> find(String id) {
    return jdbc.sql("select * from complaint where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
  }

  /** The complaints still open, the oldest first: for coordinators only. */
  public List<Complaint> open() {
    return jdbc.sql("select * from complaint where closed_at is null order by raised_at")
        .query((rs, n) -> map(rs)).list();
  }

  public boolean openAbout(String coachOrClientId) {
    return jdbc.sql("""
            select count(*) from complaint where closed_at is null and (coach_id = :id or raised_by = :id)""")
        .param("id", coachOrClientId).query(Long.class).single() > 0;
  }

  private static Complaint map(ResultSet rs) throws SQLException {
    String decision = rs.getString("decision");
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Complaint(rs.getString("id"), rs.getString("coach_id"), rs.getString("raised_by"),
        rs.getString("raised_by_role"), rs.getString("client_organisation"), rs.getString("concern"),
        rs.getString("coach_response"), rs.getString("hr_notes"),
        decision == null ? null : Complaint.Decision.valueOf(decision), rs.getString("decision_reason"),
        Complaint.Stage.valueOf(rs.getString("stage")), rs.getTimestamp("raised_at").toInstant(),
        closed == null ? null : closed.toInstant());
  }
}
