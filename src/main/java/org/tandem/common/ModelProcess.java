package org.tandem.common;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What the door of a process started by its key shares with every other: the engine, the process's key, and
 * starting an instance of it with the variables it begins with. Only the door itself, its subclass, starts it.
 */
public abstract class ModelProcess {

  protected final ProcessEngine engine;
  private final String key;

  protected ModelProcess(ProcessEngine engine, String key) {
    this.engine = engine;
    this.key = key;
  }

  /** A new instance, as the caller; its business key is whatever its model makes it. */
  protected ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
  }

  /** A new instance under this business key, as the caller. */
  protected ProcessInstance start(String businessKey, Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables);
  }

  /** A new instance, as the caller: its variables once it first waits, for what its start decided. */
  protected VariableMap startForVariables(Map<String, Object> variables) {
    return engine.getRuntimeService().createProcessInstanceByKey(key).setVariables(variables)
        .executeWithVariablesInReturn().getVariables();
  }
}
