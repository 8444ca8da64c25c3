package org.tandem.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.tandem.common.ModelContract;

/**
 * Refuses, before anything of it is deployed, a model that breaks what the product relies on: a process without a
 * {@code camunda:versionTag} (versions are named, so that a migration can say from what to what); a user task without
 * a form, or with a form that is neither in the deployment nor deployed before ({@link FormBundler} has added what it
 * could find); and anything a {@link ModelContract} of the product's code names that the model no longer has: an
 * element, a message, or a variable no form field or mapping produces. The message names the model, the element and
 * who relies on it. Deployments read back into the cache on a restart are not checked again.
 */
final class ModelContracts implements Deployer {

  private final Supplier<Collection<ModelContract>> contracts;

  ModelContracts(Supplier<Collection<ModelContract>> contracts) {
    this.contracts = contracts;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, JsonNode> forms = FormBundler.forms(deployment.getResources().values());
    List<String> problems = new ArrayList<>();
    FormBundler.models(deployment).forEach((name, model) -> problems.addAll(check(name, model, forms)));
    if (!problems.isEmpty()) {
      throw new NotValidException("The deployment is refused: " + String.join(" ", problems));
    }
  }

  /** The problems of one model, each a sentence naming the model, the element and what to change. */
  List<String> check(String resource, BpmnModelInstance model, Map<String, JsonNode> forms) {
    List<String> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      if (blank(process.getCamundaVersionTag())) {
        problems.add(resource + " (" + process.getId() + ") has no camunda:versionTag; name each version of a "
            + "model (Version tag in Camunda Modeler), so that migrations can say from which to which.");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String ref = task.getCamundaFormRef();
      if (blank(ref)) {
        problems.add(resource + " (" + task.getId() + ") has no form; give the user task one of the forms with "
            + "camunda:formRef (Form reference in Camunda Modeler, binding 'deployment').");
      } else if (ModelCatalog.matchingForms(ref, forms.keySet()).isEmpty()) {
        problems.add(resource + " (" + task.getId() + ") references the form '" + ref + "', which is neither in "
            + "the deployment nor deployed before; deploy the form with the model.");
      }
    }
    for (ModelContract contract : contracts.get()) {
      Process process = model.getModelElementById(contract.processKey()) instanceof Process found ? found : null;
      if (process == null) {
        continue;
      }
      String where = resource + " (" + contract.processKey() + ")";
      for (String element : new TreeSet<>(contract.elements())) {
        if (model.getModelElementById(element) == null) {
          problems.add(where + " has no element '" + element + "', on which " + contract.reliedOnBy()
              + " relies; keep its id (rename the element's name instead).");
        }
      }
      Set<String> messages = new TreeSet<>();
      model.getModelElementsByType(Message.class).forEach(message -> messages.add(message.getName()));
      for (String message : new TreeSet<>(contract.messages())) {
        if (!messages.contains(message)) {
          problems.add(where + " has no message '" + message + "', which " + contract.reliedOnBy() + " sends.");
        }
      }
      Set<String> produced = produced(model, forms);
      for (String variable : new TreeSet<>(contract.variables())) {
        if (!produced.contains(variable)) {
          problems.add(where + " no longer produces the variable '" + variable + "' (no form field, output "
              + "mapping or called process's result of that name), which " + contract.reliedOnBy() + " reads.");
        }
      }
    }
    return problems;
  }

  /** Every variable name the model's forms or mappings produce. */
  private Set<String> produced(BpmnModelInstance model, Map<String, JsonNode> forms) {
    Set<String> names = new TreeSet<>();
    Set<String> refs = ModelCatalog.formRefs(model);
    for (String ref : refs) {
      for (String formId : ModelCatalog.matchingForms(ref, forms.keySet())) {
        keys(forms.get(formId), names);
      }
    }
    model.getModelElementsByType(CamundaOutputParameter.class).forEach(output -> names.add(
        output.getCamundaName()));
    model.getModelElementsByType(CamundaOut.class).forEach(out -> add(names, out.getCamundaTarget()));
    model.getModelElementsByType(CamundaIn.class).forEach(in -> add(names, in.getCamundaTarget()));
    model.getModelElementsByType(CamundaFormField.class).forEach(field -> add(names, field.getCamundaId()));
    model.getModelElementsByType(ServiceTask.class).forEach(task -> add(names, task.getCamundaResultVariable()));
    model.getModelElementsByType(BusinessRuleTask.class).forEach(task -> add(names,
        task.getCamundaResultVariable()));
    model.getModelElementsByType(StartEvent.class).forEach(event -> add(names, event.getCamundaInitiator()));
    return names;
  }

  private static void keys(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode key = node.get("key");
      if (key != null && key.isTextual()) {
        names.add(key.asText());
      }
      node.elements().forEachRemaining(child -> keys(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> keys(child, names));
    }
  }

  private static void add(Set<String> names, String name) {
    if (!blank(name)) {
      names.add(name);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
