package org.tandem.matching;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.privacy.PersonalTables;

/**
 * A client's requests and the offers made for them, and the offers a coach was made (DP-2). Stopping withdraws a
 * client's open requests, and answers for a coach who has not yet answered a client, so the client can choose again.
 */
@Component
class MatchingPersonalData extends PersonalTables {

  static final String PROCESS = "coaching-request";

  private final RequestRepository requests;
  private final ProcessEngine engine;
  private final org.tandem.privacy.ConsentService consents;

  MatchingPersonalData(JdbcClient jdbc, RequestRepository requests, ProcessEngine engine,
      org.tandem.privacy.ConsentService consents) {
    super(jdbc, "requests", 20);
    this.requests = requests;
    this.engine = engine;
    this.consents = consents;
  }

  @Override
  public Object export(String personId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("asClient", rows("select * from coaching_request where client_id = :person order by created_at",
        personId).stream().map(request -> {
          Map<String, Object> withOffers = new LinkedHashMap<>(request);
          withOffers.put("offers", rows("select coach_id, offered_at, answer, answered_at "
              + "from match_offer where request_id = :id order by id", "id", request.get("id")));
          return withOffers;
        }).toList());
    data.put("offersAsCoach", rows("select request_id, offered_at, answer, answered_at "
        + "from match_offer where coach_id = :person order by id", personId));
    data.put("asSponsor", rows("select id, kind, status, created_at from coaching_request "
        + "where sponsor_id = :person order by created_at", personId));
    return data;
  }

  @Override
  public Set<String> recordKeys(String personId) {
    return Set.copyOf(ids("""
            select id from coaching_request where client_id = :person or sponsor_id = :person
            union select id from coaching_request where line_managers like '%' || :person || '%'
            union select request_id from match_offer where coach_id = :person""", personId));
  }

  @Override
  public Set<String> stopProcessing(String personId) {
    Set<String> stop = new java.util.LinkedHashSet<>();
    for (CoachingRequest request : requests.ofClient(personId)) {
      if (request.status() == CoachingRequest.Status.OPEN
          || request.status() == CoachingRequest.Status.WITH_COORDINATOR) {
        requests.status(request.id(), CoachingRequest.Status.WITHDRAWN);
        stop.add(request.id());
      }
    }
    for (Task waiting : engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS)
        .taskDefinitionKey(CoachingRequestProcess.ANSWER_TASK).taskAssignee(personId).list()) {
      engine.getTaskService().complete(waiting.getId(),
          Map.of(MatchingVariables.COACH_ANSWER, "DECLINE"));
    }
    return stop;
  }

  /** DP-3: requests whose relationship has gone, and withdrawn ones finished before the cutoff. */
  @Override
  public int disposeOfExpired(Instant cutoff) {
    List<Map<String, Object>> expired = rows("""
        select id, consent_id from coaching_request r
        where (status = 'MATCHED' and not exists (select 1 from relationship s where s.id = r.relationship_id))
           or (status = 'WITHDRAWN' and created_at < :cutoff)""", "cutoff", java.sql.Timestamp.from(cutoff));
    for (Map<String, Object> request : expired) {
      deleteRequest((String) request.get("id"));
      consents.dispose(((Number) request.get("consent_id")).longValue());
    }
    return expired.size();
  }

  @Override
  public void erase(String personId, String pseudonym) {
    ids("select id from coaching_request where client_id = :person", personId).forEach(this::deleteRequest);
    pseudonymise(personId, pseudonym, "match_offer", "coach_id", "chosen_by");
    pseudonymise(personId, pseudonym, "coaching_request", "sponsor_id");
    for (Map<String, Object> row : rows("select id, line_managers from coaching_request "
        + "where line_managers like :like", "like", "%" + personId + "%")) {
      String managers = String.join(",", java.util.Arrays.stream(((String) row.get("line_managers")).split(","))
          .map(String::trim).map(manager -> manager.equals(personId) ? pseudonym : manager).toList());
      jdbc.sql("update coaching_request set line_managers = :managers where id = :id")
          .param("managers", managers).param("id", row.get("id")).update();
    }
  }

  /** A request goes with the offers made for it. */
  private void deleteRequest(String id) {
    jdbc.sql("delete from match_offer where request_id = :id").param("id", id).update();
    jdbc.sql("delete from coaching_request where id = :id").param("id", id).update();
  }
}
