package org.tandem.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.tandem.common.Privileged;

/**
 * What the firewall needs to know of a task or a start, looked up without the caller's authorizations (the caller's
 * own rights are the engine's to check afterwards): who holds the task, whether a group shares it, and the fields of
 * the Camunda Form deployed for it. Deployed forms never change, so each is read and parsed once.
 */
@Component
class DeployedForms {

  /** An open task as the firewall sees it. */
  record OpenTask(String assignee, FormSchema form) {
  }

  private final ProcessEngine engine;
  private final Map<String, FormSchema> byDefinition = new ConcurrentHashMap<>();

  DeployedForms(ProcessEngine engine) {
    this.engine = engine;
  }

  Optional<OpenTask> task(String taskId) {
    return Privileged.call(engine, () -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      String deploymentId = task.getProcessDefinitionId() == null ? null
          : engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
      FormSchema form = schema("the task '" + task.getName() + "'", task.getCamundaFormRef(), deploymentId);
      return Optional.of(new OpenTask(task.getAssignee(), form));
    });
  }

  /** Whether the task's model offers it to a group, so that its assignee may hand it back. */
  boolean offeredToGroups(String taskId) {
    return Privileged.call(engine, () -> engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null));
  }

  /** The start form of a process definition given by id, or by key (and tenant) for its latest version. */
  Optional<FormSchema> startForm(String definitionId, String key, String tenantId) {
    return Privileged.call(engine, () -> {
      ProcessDefinition definition;
      if (definitionId != null) {
        definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(definitionId)
            .singleResult();
      } else {
        ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(key).latestVersion();
        definition = (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
      }
      if (definition == null) {
        return Optional.empty();
      }
      CamundaFormRef ref = engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef();
      return Optional.of(schema("the start form of '" + definition.getName() + "'", ref,
          definition.getDeploymentId()));
    });
  }

  /** The values a choice offers from a variable of the task, as Camunda Forms read them: label and value pairs. */
  Set<String> offered(String taskId, String valuesKey) {
    Object options = Privileged.call(engine, () -> engine.getTaskService().getVariable(taskId, valuesKey));
    Set<String> values = new LinkedHashSet<>();
    if (options instanceof TypedValue typed) {
      options = typed.getValue();
    }
    if (options instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode option : json.elements()) {
        values.add(option.isObject() ? option.prop("value").stringValue() : option.stringValue());
      }
    } else if (options instanceof Collection<?> list) {
      for (Object option : list) {
        values.add(option instanceof Map<?, ?> map ? String.valueOf(map.get("value")) : String.valueOf(option));
      }
    }
    return values;
  }

  private FormSchema schema(String what, CamundaFormRef ref, String deploymentId) {
    if (ref == null || ref.getKey() == null) {
      return FormSchema.none(what);
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    CamundaFormDefinition definition = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId)));
    if (definition == null) {
      return FormSchema.none(what);
    }
    return byDefinition.computeIfAbsent(definition.getId(), id -> {
      try (InputStream form = engine.getRepositoryService()
          .getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
        return FormSchema.parse("'" + definition.getKey() + "'", form.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
