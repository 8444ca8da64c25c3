package org.tandem.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.common.InvalidInputException;
import org.tandem.common.NotFoundException;

/**
 * Moves running instances of a model to a newer version of it (README, "Changing a model"). A migration is planned
 * for each older version that has running instances: activities with the same id are mapped to each other, and an
 * administrator maps the rest (a renamed or removed task to its successor). Before anything moves, the plan is
 * validated and every instance is tried in a transaction that is rolled back (the dry run), which says which
 * instances can move and, for the others, why not. The migration itself moves only those that can, as one engine
 * batch per older version, and leaves the others where they are, with the reason.
 *
 * <p>A model's called processes (contracting, sessions, session) are instances of their own model and are migrated
 * with it; a relationship that has not yet reached the called model starts the newest version when it does, since
 * the models call the latest version.
 */
@Service
class ModelMigrations {

  private final ProcessEngine engine;
  private final TransactionTemplate transactions;

  ModelMigrations(ProcessEngine engine, TransactionTemplate transactions) {
    this.engine = engine;
    this.transactions = transactions;
  }

  /**
   * What an administrator asks for.
   *
   * @param targetVersion the version to move to; the latest when absent
   * @param mapping activities of older versions mapped to activities of the target, for those whose ids differ
   */
  record Request(Integer targetVersion, Map<String, String> mapping) {

    Request {
      mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }
  }

  /** A version of a model and how many of its instances run. */
  record Version(String definitionId, int version, String versionTag, long running) {}

  /** A running instance: its relationship (business key), its version, where it waits, and why it cannot move. */
  record Instance(String processInstanceId, String businessKey, int version, List<String> waitingIn,
      List<String> reasons) {}

  /**
   * The dry run's answer.
   *
   * @param problems what is wrong with the plan itself; when there are any, nothing can move
   */
  record Report(String key, Version target, List<Version> sources, List<String> problems, List<Instance> canMove,
      List<Instance> cannotMove) {

    boolean valid() {
      return problems.isEmpty();
    }
  }

  /** A migration's batch and how far it has got. */
  record Progress(String batchId, int sourceVersion, int instances, int totalJobs, int completedJobs, int failedJobs,
      int remainingJobs, boolean done) {}

  /** A migration started: its batches, and the instances left on their version with the reason. */
  record Started(Report report, List<Progress> batches) {}

  /** A model: its key and name, its latest version, and how many instances still run on older ones. */
  record Model(String key, String name, Version latest, long runningOnOlder) {}

  /** Every process model, by key, with where its instances stand. */
  List<Model> models() {
    return engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list().stream()
        .map(latest -> new Model(latest.getKey(), latest.getName(), version(latest),
            engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(latest.getKey()).count()
                - running(latest)))
        .toList();
  }

  /** The versions of a model, newest first, with their running instances. */
  List<Version> versions(String key) {
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).orderByProcessDefinitionVersion().desc().list();
    if (definitions.isEmpty()) {
      throw new NotFoundException("There is no model '" + key + "'.");
    }
    return definitions.stream().map(this::version).toList();
  }

  Report dryRun(String key, Request request) {
    return attempt(key, request).report();
  }

  /** The dry run's report, with the plan of each older version that has a valid one, for the migration to use. */
  private record Attempt(Report report, Map<Integer, MigrationPlan> plans) {}

  private Attempt attempt(String key, Request request) {
    ProcessDefinition target = target(key, request.targetVersion());
    BpmnModelInstance targetModel = engine.getRepositoryService().getBpmnModelInstance(target.getId());
    List<ProcessDefinition> sources = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).orderByProcessDefinitionVersion().asc().list().stream()
        .filter(definition -> definition.getVersion() != target.getVersion())
        .filter(definition -> running(definition) > 0).toList();

    List<String> problems = new ArrayList<>();
    Set<String> knownSources = new LinkedHashSet<>();
    Map<ProcessDefinition, BpmnModelInstance> models = new LinkedHashMap<>();
    for (ProcessDefinition source : sources) {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(source.getId());
      models.put(source, model);
      request.mapping().keySet().stream().filter(id -> model.getModelElementById(id) != null)
          .forEach(knownSources::add);
    }
    request.mapping().forEach((from, to) -> {
      if (targetModel.getModelElementById(to) == null) {
        problems.add("The mapping " + from + " -> " + to + " names '" + to + "', which version "
            + target.getVersion() + " of " + key + " does not have.");
      }
      if (!sources.isEmpty() && !knownSources.contains(from)) {
        problems.add("The mapping " + from + " -> " + to + " names '" + from + "', which no version with running "
            + "instances has.");
      }
    });

    List<Instance> canMove = new ArrayList<>();
    List<Instance> cannotMove = new ArrayList<>();
    Map<Integer, MigrationPlan> plans = new LinkedHashMap<>();
    for (Map.Entry<ProcessDefinition, BpmnModelInstance> source : models.entrySet()) {
      MigrationPlan plan = problems.isEmpty() ? plan(source.getKey(), target, source.getValue(), request, problems)
          : null;
      if (plan != null) {
        plans.put(source.getKey().getVersion(), plan);
      }
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionId(source.getKey().getId()).orderByProcessInstanceId().asc().list()) {
        List<String> waiting = engine.getRuntimeService().getActiveActivityIds(instance.getId());
        List<String> reasons = plan == null ? List.of("The migration plan is not valid (see its problems).")
            : tryMoving(plan, instance.getId());
        Instance found = new Instance(instance.getId(), instance.getBusinessKey(), source.getKey().getVersion(),
            waiting, reasons);
        (reasons.isEmpty() ? canMove : cannotMove).add(found);
      }
    }
    return new Attempt(new Report(key, version(target), sources.stream().map(this::version).toList(),
        List.copyOf(problems), canMove, cannotMove), plans);
  }

  /** Runs the dry run, then moves the instances that can move, as a batch for each older version. */
  Started migrate(String key, Request request) {
    Attempt attempt = attempt(key, request);
    Report report = attempt.report();
    if (!report.valid()) {
      throw new InvalidInputException("mapping", String.join(" ", report.problems()));
    }
    List<Progress> batches = new ArrayList<>();
    Map<Integer, List<String>> byVersion = new LinkedHashMap<>();
    report.canMove().forEach(instance -> byVersion.computeIfAbsent(instance.version(), v -> new ArrayList<>())
        .add(instance.processInstanceId()));
    for (Map.Entry<Integer, List<String>> group : byVersion.entrySet()) {
      Batch batch = engine.getRuntimeService().newMigration(attempt.plans().get(group.getKey()))
          .processInstanceIds(group.getValue()).executeAsync();
      batches.add(progress(batch.getId(), group.getKey(), group.getValue().size()));
    }
    return new Started(report, batches);
  }

  /**
   * How far a migration's batch has got: done once every instance has moved (the batch's monitor job removes it a
   * little later); a batch that has finished is found in the history.
   */
  Progress progress(String batchId) {
    return progress(batchId, 0, 0);
  }

  private Progress progress(String batchId, int sourceVersion, int instances) {
    BatchStatistics running = engine.getManagementService().createBatchStatisticsQuery().batchId(batchId)
        .singleResult();
    if (running != null) {
      requireMigration(running.getType(), batchId);
      return new Progress(batchId, sourceVersion, instances == 0 ? running.getTotalJobs() : instances,
          running.getTotalJobs(), running.getCompletedJobs(), running.getFailedJobs(), running.getRemainingJobs(),
          running.getRemainingJobs() == 0 && running.getFailedJobs() == 0);
    }
    HistoricBatch finished = engine.getHistoryService().createHistoricBatchQuery().batchId(batchId).singleResult();
    if (finished == null) {
      throw new NotFoundException("There is no migration " + batchId + ".");
    }
    requireMigration(finished.getType(), batchId);
    return new Progress(batchId, sourceVersion, instances == 0 ? finished.getTotalJobs() : instances,
        finished.getTotalJobs(), finished.getTotalJobs(), 0, 0, finished.getEndTime() != null);
  }

  private static void requireMigration(String type, String batchId) {
    if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(type)) {
      throw new NotFoundException("There is no migration " + batchId + ".");
    }
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, BpmnModelInstance sourceModel,
      Request request, List<String> problems) {
    MigrationPlanBuilder builder = engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().updateEventTriggers();
    for (Map.Entry<String, String> mapping : new TreeMap<>(request.mapping()).entrySet()) {
      ModelElementInstance element = sourceModel.getModelElementById(mapping.getKey());
      if (element instanceof Event) {
        builder = builder.mapActivities(mapping.getKey(), mapping.getValue()).updateEventTrigger();
      } else if (element != null) {
        builder = builder.mapActivities(mapping.getKey(), mapping.getValue());
      }
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport instruction : e.getValidationReport().getInstructionReports()) {
        problems.add("From version " + source.getVersion() + ", " + instruction.getMigrationInstruction()
            .getSourceActivityId() + " -> " + instruction.getMigrationInstruction().getTargetActivityId() + ": "
            + String.join("; ", instruction.getFailures()) + ".");
      }
      e.getValidationReport().getVariableReports().forEach((name, variable) -> problems.add("From version "
          + source.getVersion() + ", the variable " + name + ": " + String.join("; ", variable.getFailures())));
      if (problems.isEmpty()) {
        problems.add("From version " + source.getVersion() + ": " + e.getMessage());
      }
      return null;
    } catch (ProcessEngineException e) {
      problems.add("From version " + source.getVersion() + ": " + e.getMessage());
      return null;
    }
  }

  /** Moves the instance in a transaction that is rolled back: the reasons it cannot move, none if it can. */
  private List<String> tryMoving(MigrationPlan plan, String processInstanceId) {
    List<String> reasons = new ArrayList<>();
    transactions.executeWithoutResult(status -> {
      status.setRollbackOnly();
      try {
        engine.getRuntimeService().newMigration(plan).processInstanceIds(processInstanceId).execute();
      } catch (MigratingProcessInstanceValidationException e) {
        reasons.addAll(reasons(e.getValidationReport()));
        if (reasons.isEmpty()) {
          reasons.add(e.getMessage());
        }
      } catch (ProcessEngineException e) {
        reasons.add(e.getMessage());
      }
    });
    return reasons;
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(failure -> reasons.add("Waiting in " + activity.getSourceScopeId() + ": "
          + failure));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(failure -> reasons.add("Moving on from " + transition.getSourceScopeId()
          + ": " + failure));
    }
    return reasons;
  }

  private ProcessDefinition target(String key, Integer version) {
    var query = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key);
    ProcessDefinition target = version == null ? query.latestVersion().singleResult()
        : query.processDefinitionVersion(version).singleResult();
    if (target == null) {
      throw new NotFoundException(version == null ? "There is no model '" + key + "'."
          : "Model '" + key + "' has no version " + version + ".");
    }
    return target;
  }

  private Version version(ProcessDefinition definition) {
    return new Version(definition.getId(), definition.getVersion(), definition.getVersionTag(),
        running(definition));
  }

  private long running(ProcessDefinition definition) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
  }
}
