package org.tandem.privacy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.common.PartyVariables;
import org.tandem.confidential.ConfidentialRecords;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.People;
import org.tandem.identity.Roles;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;
import org.tandem.common.ConflictException;

/**
 * Stops processing for a person (DP-1) and erases them (DP-2): every capability's records through its
 * {@link PersonalData}, the confidential store, consents, their Camunda user, and finally every trace left in the
 * engine's and the product's tables, found by their id, names, email addresses and phone number.
 */
@Service
class Erasure {

  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
  static final String ERASED = "[erased]";

  private final List<PersonalData> holders;
  private final ConfidentialRecords records;
  private final ConsentService consents;
  private final ErasureRequests requests;
  private final People people;
  private final ProcessEngine engine;
  private final PersonInProcess processes;
  private final DatabaseScrub scrub;
  private final SecureRandom random = new SecureRandom();

  Erasure(List<PersonalData> holders, ConfidentialRecords records, ConsentService consents, ErasureRequests requests,
      People people, ProcessEngine engine, PersonInProcess processes, DatabaseScrub scrub) {
    this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder)).toList();
    this.records = records;
    this.consents = consents;
    this.requests = requests;
    this.people = people;
    this.engine = engine;
    this.processes = processes;
    this.scrub = scrub;
  }

  /**
   * Raises a request to erase a person, after the checks that keep bad requests out (see {@link #check}).
   */
  public ErasureRequests.ErasureRequest raise(String subjectId, String raisedBy, String reason) {
    check(subjectId, raisedBy);
    return requests.raise(subjectId, raisedBy, subjectId.equals(raisedBy)
        ? ErasureRequests.RaisedBy.SUBJECT : ErasureRequests.RaisedBy.COORDINATOR, reason);
  }

  /**
   * Whether a request may be raised: for oneself, or by a coordinator for someone else (403); for someone known (404);
   * not while another request for them is under way (409).
   */
  public void check(String subjectId, String raisedBy) {
    if (subjectId == null || subjectId.isBlank()) {
      throw new InvalidInputException(ErasureVariables.SUBJECT_ID, "Name the person whose data is to be erased.");
    }
    if (!subjectId.equals(raisedBy) && !people.hasRole(raisedBy, Roles.COORDINATORS)) {
      throw new NotPermittedException("Ask for your own data to be erased; only coordinators ask on someone's behalf.");
    }
    if (people.find(subjectId).isEmpty()) {
      throw new NotFoundException("There is no one with the user id '" + subjectId
          + "': no such user, or their data has been erased already.");
    }
    requests.underWay(subjectId).ifPresent(id -> {
      throw new ConflictException("The erasure of '" + subjectId + "' is under way already: " + id + ".");
    });
  }

  /** Why the person's data must be kept for now; empty when it may be erased. */
  public List<String> reasonsToHold(String personId) {
    return holders.stream().flatMap(holder -> holder.reasonsToHold(personId).stream()).toList();
  }

  /**
   * DP-1: nothing more is done with the person's data. Each capability stops its own work (relationships end as
   * withdrawn, requests are withdrawn, the register delists them); whatever else still runs for them stops, and
   * tasks waiting for them are handed back. Complaints and erasures go on.
   */
  public void stopProcessing(String personId) {
    Set<String> roots = new LinkedHashSet<>();
    for (PersonalData holder : holders) {
      for (String businessKey : holder.stopProcessing(personId)) {
        roots.addAll(processes.rootsOf(businessKey));
      }
    }
    roots.addAll(processes.rootsNaming(personId, PartyVariables.PARTICIPANTS));
    processes.stop(roots);
    for (Task task : engine.getTaskService().createTaskQuery().taskAssignee(personId).list()) {
      if (!processes.stoppedWith(task.getProcessInstanceId(), roots)) {
        engine.getTaskService().setAssignee(task.getId(), null);
      }
    }
    for (Task task : engine.getTaskService().createTaskQuery().taskCandidateUser(personId).list()) {
      if (processes.stoppedWith(task.getProcessInstanceId(), roots)) {
        continue;
      }
      boolean named = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .anyMatch(link -> personId.equals(link.getUserId()));
      if (named) {
        engine.getTaskService().deleteCandidateUser(task.getId(), personId);
      }
    }
    if (!roots.isEmpty()) {
      LOG.info("Stopped {} running processes for a person", roots.size());
    }
  }

  /** DP-2: carries out a verified request; answers the pseudonym that stands for the person from now on. */
  public String erase(String requestId) {
    ErasureRequests.ErasureRequest request = requests.find(requestId)
        .orElseThrow(() -> new IllegalStateException("No erasure request " + requestId));
    String subject = request.subjectId();
    List<String> holds = reasonsToHold(subject);
    if (!holds.isEmpty()) {
      throw new IllegalStateException("Erasure " + requestId + " must be held: " + String.join(" ", holds));
    }
    String pseudonym = pseudonym();
    long finding = System.nanoTime();
    DatabaseScrub.Person person = person(subject, pseudonym);
    LOG.debug("Erasure {}: the person's records and processes found in {} ms", requestId,
        (System.nanoTime() - finding) / 1_000_000);
    List<DatabaseScrub.Replacement> replacements = new ArrayList<>(person.identifiers());
    replacements.addAll(person.names());
    List<ConfidentialRecords.Pair> pairs = holders.stream().flatMap(holder -> holder.pairs(subject).stream())
        .toList();

    records.erase(subject, pseudonym, pairs, content -> DatabaseScrub.replace(content, replacements));
    holders.forEach(holder -> holder.erase(subject, pseudonym));
    consents.erase(subject);
    requests.erased(requestId, subject, pseudonym);
    eraseUser(subject);
    afterTheEngineHasWritten(() -> {
      long started = System.nanoTime();
      var changed = scrub.scrub(person);
      LOG.info("Erasure {}: the person was written out of {} rows in {} ms, searching {} records and processes: {}",
          requestId, changed.values().stream().mapToInt(Integer::intValue).sum(),
          (System.nanoTime() - started) / 1_000_000, person.scope().size(), changed);
      LOG.debug("Erasure {}: {}", requestId, scrub.plan());
    });
    return pseudonym;
  }

  /**
   * The person as the scrub finds them: their id becomes the pseudonym and their email addresses "[erased]" wherever
   * they are; their names and phone number become "[erased]" in whatever is about them, that is in their records and
   * in the processes they took part in.
   */
  DatabaseScrub.Person person(String subject, String pseudonym) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    people.find(subject).ifPresent(person -> {
      if (person.firstName() != null && person.lastName() != null) {
        names.add(person.displayName());
      }
      emails.add(person.email());
    });
    holders.forEach(holder -> holder.identifiers(subject).forEach(text -> (text != null && text.contains("@")
        ? emails : names).add(text)));
    List<DatabaseScrub.Replacement> identifiers = new ArrayList<>();
    identifiers.add(new DatabaseScrub.Replacement(subject, pseudonym));
    emails.stream().filter(text -> text != null && !text.isBlank())
        .forEach(text -> identifiers.add(new DatabaseScrub.Replacement(text, ERASED)));
    List<DatabaseScrub.Replacement> others = names.stream().filter(text -> text != null && !text.isBlank())
        .map(text -> new DatabaseScrub.Replacement(text, ERASED)).toList();
    return new DatabaseScrub.Person(subject, identifiers, others, scope(subject));
  }

  /**
   * The ids of the person's records, and of every process (and its root) that has to do with them: those of their
   * records, those keyed by the person themselves (their application to the register), those they started, those
   * with a task for them or naming them as a candidate, and those running now that name them in a variable. Each
   * is found through an index, so that this takes as long as the person's own history, not the programme's.
   */
  private Set<String> scope(String subject) {
    Set<String> keys = new LinkedHashSet<>(requests.of(subject));
    holders.forEach(holder -> keys.addAll(holder.recordKeys(subject)));
    keys.add(subject);
    Set<String> scope = new LinkedHashSet<>(keys);
    var history = engine.getHistoryService();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(keys.toArray(String[]::new)).list()
        .forEach(instance -> withRoot(scope, instance.getId(), instance.getRootProcessInstanceId()));
    history.createHistoricProcessInstanceQuery().startedBy(subject).list()
        .forEach(instance -> withRoot(scope, instance.getId(), instance.getRootProcessInstanceId()));
    history.createHistoricTaskInstanceQuery().taskAssignee(subject).list()
        .forEach(task -> withRoot(scope, task.getProcessInstanceId(), task.getRootProcessInstanceId()));
    history.createHistoricIdentityLinkLogQuery().userId(subject).list()
        .forEach(link -> withRoot(scope, link.getRootProcessInstanceId(), link.getRootProcessInstanceId()));
    processes.naming(subject, PartyVariables.PEOPLE).forEach(instance -> withRoot(scope, instance.getId(),
        instance.getRootProcessInstanceId()));
    scope.remove(null);
    return scope;
  }

  /** A process instance goes into the scope together with the root of the tree of calls it belongs to. */
  private static void withRoot(Set<String> scope, String processInstanceId, String rootProcessInstanceId) {
    scope.add(processInstanceId);
    scope.add(rootProcessInstanceId);
  }

  private void eraseUser(String subject) {
    for (Authorization authorization : engine.getAuthorizationService().createAuthorizationQuery()
        .userIdIn(subject).list()) {
      engine.getAuthorizationService().deleteAuthorization(authorization.getId());
    }
    if (engine.getIdentityService().createUserQuery().userId(subject).count() > 0) {
      engine.getIdentityService().deleteUser(subject);
    }
  }

  /**
   * The engine writes a command's changes when the command ends, just before the transaction commits; the scrub runs
   * after that, in the same transaction, so it sees (and cleans) what this very step wrote.
   */
  private static void afterTheEngineHasWritten(Runnable work) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      work.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        work.run();
      }
    });
  }

  private String pseudonym() {
    String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder text = new StringBuilder("erased-");
    for (int i = 0; i < 12; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
