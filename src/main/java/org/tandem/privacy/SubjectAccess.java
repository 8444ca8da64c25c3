package org.tandem.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.Privileged;
import org.tandem.confidential.ConfidentialRecords;
import org.tandem.identity.People;
import org.tandem.common.NotFoundException;

/**
 * DP-2: a copy of everything held about a person, as one JSON document: who they are, their consents, each
 * capability's records, their open tasks, their erasure requests, and the confidential records of their
 * relationships. The person themselves gets the confidential records opened (each read logged, DP-6); a coordinator
 * asking on their behalf gets only what exists and when, never what it says.
 */
@Service
class SubjectAccess {

  private final List<PersonalData> holders;
  private final ConfidentialRecords records;
  private final ConsentService consents;
  private final ErasureRequests erasures;
  private final People people;
  private final ProcessEngine engine;
  private final PersonInProcess processes;

  SubjectAccess(List<PersonalData> holders, ConfidentialRecords records, ConsentService consents,
      ErasureRequests erasures, People people, ProcessEngine engine, PersonInProcess processes) {
    this.holders = holders;
    this.records = records;
    this.consents = consents;
    this.erasures = erasures;
    this.people = people;
    this.engine = engine;
    this.processes = processes;
  }

  /**
   * @param forThemselves whether the person asks for their own copy (confidential content included) or a coordinator
   *     asks on their behalf (without it)
   */
  @Transactional
  public Map<String, Object> copyOf(String personId, boolean forThemselves) {
    People.Person person = people.find(personId)
        .orElseThrow(() -> new NotFoundException("There is no one with the user id '" + personId + "'."));
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put("generatedAt", EngineTime.now());
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("id", person.id());
    who.put("firstName", person.firstName());
    who.put("lastName", person.lastName());
    who.put("email", person.email());
    who.put("groups", Privileged.call(engine, () -> engine.getIdentityService().createGroupQuery()
        .groupMember(personId).list().stream().map(Group::getId).toList()));
    copy.put("person", who);
    copy.put("consents", consents.of(personId));
    for (PersonalData holder : holders) {
      copy.put(holder.section(), holder.export(personId));
    }
    List<ConfidentialRecords.Pair> pairs = holders.stream().flatMap(holder -> holder.pairs(personId).stream())
        .toList();
    copy.put("confidentialRecords", forThemselves ? records.forSubject(personId, pairs)
        : records.summaryForSubject(personId, pairs));
    if (!forThemselves) {
      copy.put("confidentialRecordsNote", "What these records say is confidential to the coach and the client: "
          + "the person downloads their own copy to read them.");
    }
    copy.put("openTasks", Privileged.call(engine, () -> engine.getTaskService().createTaskQuery()
        .taskAssignee(personId).list().stream().map(task -> Map.of("name", task.getName(),
            "created", task.getCreateTime().toInstant(), "businessKey", processes.businessKey(task.getProcessInstanceId())))
        .toList()));
    copy.put("erasureRequests", erasures.export(personId));
    return copy;
  }

  /** When the copy was made, for its file name. */
  static String fileName(String personId, Instant at) {
    return "personal-data-" + personId + "-" + at.toString().substring(0, 10) + ".json";
  }
}
