package org.tandem.relationship;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
import org.tandem.common.TaskOffers;
import org.tandem.identity.Roles;
import org.tandem.confidential.ConfidentialRecords;
import org.tandem.privacy.PersonalTables;

/**
 * A person's relationships, as coach, client or sponsor: the relationship, its contracts and goals, sessions,
 * changes, decisions and evaluations (DP-2). Stopping ends their running relationships at once, with nothing more
 * asked of anyone (DP-1); erasing leaves the other party's records in place, with the person replaced by a pseudonym.
 */
@Component
class RelationshipPersonalData extends PersonalTables {

  private final RelationshipService relationships;
  private final ProcessEngine engine;
  private final RelationshipProcess process;
  private final org.tandem.confidential.ConfidentialNotes notes;

  RelationshipPersonalData(JdbcClient jdbc, RelationshipService relationships, ProcessEngine engine,
      RelationshipProcess process, org.tandem.confidential.ConfidentialNotes notes) {
    super(jdbc, "relationships", 10);
    this.relationships = relationships;
    this.engine = engine;
    this.process = process;
    this.notes = notes;
  }

  @Override
  public Object export(String personId) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Map<String, Object> row : rows("""
        select * from relationship where coach_id = :person or client_id = :person or sponsor_id = :person
        order by opened_at""", personId)) {
      String id = (String) row.get("id");
      boolean party = personId.equals(row.get("coach_id")) || personId.equals(row.get("client_id"));
      Map<String, Object> relationship = new LinkedHashMap<>(row);
      relationship.put("goals", byRelationship("select * from contract_goal where relationship_id = :id "
          + "order by version, ordinal", id));
      relationship.put("sponsorChanges", byRelationship("select * from party_change where relationship_id = :id "
          + "order by id", id).stream().filter(change -> personId.equals(change.get("from_user"))
          || personId.equals(change.get("to_user")) || personId.equals(change.get("changed_by")) || party).toList());
      relationship.put("evaluations", byRelationship("select * from evaluation where relationship_id = :id "
          + "order by id", id).stream().filter(e -> personId.equals(e.get("respondent_id"))).toList());
      if (party) {
        relationship.put("contracts", byRelationship("select * from contract where relationship_id = :id "
            + "order by version", id));
        relationship.put("contractComments", byRelationship("select * from contract_comment "
            + "where relationship_id = :id order by id", id));
        relationship.put("sessions", byRelationship("select * from coaching_session where relationship_id = :id "
            + "order by number", id));
        relationship.put("sessionChanges", byRelationship("select * from session_change "
            + "where relationship_id = :id order by id", id));
        relationship.put("decisions", byRelationship("select * from decision where relationship_id = :id "
            + "order by id", id));
      }
      all.add(relationship);
    }
    return all;
  }

  private List<Map<String, Object>> byRelationship(String sql, String relationshipId) {
    return rows(sql, "id", relationshipId);
  }

  @Override
  public Set<String> recordKeys(String personId) {
    return Set.copyOf(ids("""
            select id from relationship where coach_id = :person or client_id = :person or sponsor_id = :person""",
        personId));
  }

  @Override
  public List<ConfidentialRecords.Pair> pairs(String personId) {
    return jdbc.sql("select id, coach_id, client_id from relationship where coach_id = :person or client_id = :person")
        .param("person", personId)
        .query((rs, n) -> new ConfidentialRecords.Pair(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * Coach or client: each running relationship ends now as withdrawn and its processes stop, so no one is asked
   * anything more. Sponsor: the relationship goes on without a sponsor; a goals agreement waiting for them passes to
   * the coordinators.
   */
  @Override
  public Set<String> stopProcessing(String personId) {
    Set<String> stop = new java.util.LinkedHashSet<>();
    List<Relationship> running = ids("""
            select id from relationship where status <> 'CLOSED'
            and (coach_id = :person or client_id = :person or sponsor_id = :person)""", personId).stream()
        .map(id -> relationships.find(id).orElseThrow()).toList();
    for (Relationship relationship : running) {
      if (personId.equals(relationship.coachId()) || personId.equals(relationship.clientId())) {
        relationships.withdraw(relationship.id(), personId);
        stop.add(relationship.id());
        closeOpenEvaluations(relationship.id(), null);
      } else {
        withoutSponsor(relationship.id(), personId);
      }
    }
    return stop;
  }

  private void withoutSponsor(String relationshipId, String sponsorId) {
    // the tasks first, while the model still names the sponsor; then the processes forget them
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(relationshipId)
        .taskAssignee(sponsorId).list()) {
      engine.getTaskService().setVariableLocal(task.getId(), TaskOffers.ALSO_OFFERED_TO, Roles.COORDINATORS);
      engine.getTaskService().setAssignee(task.getId(), null);
      engine.getTaskService().addCandidateGroup(task.getId(), Roles.COORDINATORS);
    }
    process.forgetSponsor(relationshipId, sponsorId);
    closeOpenEvaluations(relationshipId, sponsorId);
  }

  private void closeOpenEvaluations(String relationshipId, String respondentId) {
    String sql = "update evaluation set status = 'NOT_RETURNED', closed_at = :at "
        + "where relationship_id = :id and closed_at is null"
        + (respondentId == null ? "" : " and respondent_id = :respondent");
    var statement = jdbc.sql(sql).param("at", Timestamp.from(EngineTime.now())).param("id", relationshipId);
    if (respondentId != null) {
      statement = statement.param("respondent", respondentId);
    }
    statement.update();
  }

  @Override
  public void erase(String personId, String pseudonym) {
    pseudonymise(personId, pseudonym, "relationship", "coach_id", "client_id", "sponsor_id", "opened_by",
        "ended_by");
    jdbc.sql("update contract set client_expectations = '' where relationship_id in "
        + "(select id from relationship where client_id = :pseudonym)").param("pseudonym", pseudonym).update();
    jdbc.sql("update contract set coach_expectations = '' where relationship_id in "
        + "(select id from relationship where coach_id = :pseudonym)").param("pseudonym", pseudonym).update();
    pseudonymise(personId, pseudonym, "contract", "sponsor_id");
    delete("contract_comment", "author_id", personId);
    pseudonymise(personId, pseudonym, "coaching_session", "recorded_by");
    pseudonymise(personId, pseudonym, "session_change", "changed_by");
    pseudonymise(personId, pseudonym, "decision", "party_id");
    pseudonymise(personId, pseudonym, "evaluation", "respondent_id");
    pseudonymise(personId, pseudonym, "party_change", "from_user", "to_user", "changed_by");
  }

  /** DP-3: relationships closed before the cutoff go with everything recorded in them. */
  @Override
  public int disposeOfExpired(java.time.Instant cutoff) {
    List<String> expired = jdbc.sql("select id from relationship where status = 'CLOSED' and closed_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).query(String.class).list();
    int records = 0;
    for (String id : expired) {
      records += notes.disposeOf(id);
      for (String table : List.of("party_change", "contract_goal", "contract_comment", "contract", "session_change",
          "coaching_session", "decision", "evaluation", "relationship")) {
        records += jdbc.sql("delete from " + table + " where " + (table.equals("relationship") ? "id" : "relationship_id")
            + " = :id").param("id", id).update();
      }
    }
    return records;
  }
}
