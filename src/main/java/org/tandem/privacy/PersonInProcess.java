package org.tandem.privacy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The processes running for a person, as a person's rights need them (DP-1, DP-2): which to stop, stopping them, and
 * what a task of theirs belongs to. The one place in this package that asks the engine about running processes.
 */
@Component
class PersonInProcess {

  /** Processes that go on whatever the person wants: a complaint is decided, an erasure carried out. */
  static final Set<String> KEPT_RUNNING = Set.of("complaint", "erasure-request");

  private final ProcessEngine engine;

  PersonInProcess(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The root process instances of the running processes with this business key. */
  Set<String> rootsOf(String businessKey) {
    Set<String> roots = new LinkedHashSet<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(instance -> roots.add(instance.getRootProcessInstanceId()));
    return roots;
  }

  /**
   * The root process instances of the running processes that name the person in one of {@code variables}, but for
   * those {@link #KEPT_RUNNING}.
   */
  Set<String> rootsNaming(String personId, List<String> variables) {
    Set<String> roots = new LinkedHashSet<>();
    for (String variable : variables) {
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .variableValueEquals(variable, personId).list()) {
        String key = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey();
        if (!KEPT_RUNNING.contains(key)) {
          roots.add(instance.getRootProcessInstanceId());
        }
      }
    }
    return roots;
  }

  /** The running process instances that name the person in one of {@code variables}, whatever their model. */
  List<ProcessInstance> naming(String personId, List<String> variables) {
    List<ProcessInstance> instances = new java.util.ArrayList<>();
    for (String variable : variables) {
      instances.addAll(engine.getRuntimeService().createProcessInstanceQuery()
          .variableValueEquals(variable, personId).list());
    }
    return instances;
  }

  /** Stops each root process instance, with everything under it. */
  void stop(Set<String> roots) {
    for (String root : roots) {
      engine.getRuntimeService().deleteProcessInstance(root, "Processing stopped for a person", true, true);
    }
  }

  /** Whether a task's process has gone, or went with one of {@code roots}; a task of no process has not. */
  boolean stoppedWith(String processInstanceId, Set<String> roots) {
    if (processInstanceId == null) {
      return false;
    }
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return instance == null || roots.contains(instance.getRootProcessInstanceId());
  }

  /** The business key of a running process instance; empty when there is none. */
  String businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return "";
    }
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return instance == null || instance.getBusinessKey() == null ? "" : instance.getBusinessKey();
  }
}
