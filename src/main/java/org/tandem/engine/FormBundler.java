package org.tandem.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a deployment with the forms its models reference, so that a BPMN file deployed alone, as Camunda Modeler
 * does, keeps its forms ({@code camunda:formRefBinding="deployment"} finds a form only in the model's own
 * deployment). A form the deployment brings is used as it is; a missing one is taken from the latest deployed version
 * of that form, or else from the product's own {@code forms/}. What cannot be found anywhere is left for
 * {@link ModelContracts} to refuse, naming the task.
 */
final class FormBundler implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(FormBundler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Reads the product's forms by id, as packaged: only when a deployment lacks a form, never on a normal start. */
  private final Supplier<Map<String, byte[]>> scan;
  private volatile Map<String, byte[]> packaged;

  FormBundler(Supplier<Map<String, byte[]>> scan) {
    this.scan = scan;
  }

  private Map<String, byte[]> packaged() {
    Map<String, byte[]> forms = packaged;
    if (forms == null) {
      forms = Map.copyOf(scan.get());
      packaged = forms;
    }
    return forms;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Set<String> brought = forms(deployment.getResources().values()).keySet();
    Map<String, ResourceEntity> added = new LinkedHashMap<>();
    for (BpmnModelInstance model : models(deployment).values()) {
      for (String ref : ModelCatalog.formRefs(model)) {
        if (!ModelCatalog.matchingForms(ref, brought).isEmpty()) {
          continue;
        }
        List<String> wanted = ModelCatalog.isExpression(ref)
            ? ModelCatalog.matchingForms(ref, packaged().keySet()) : List.of(ref);
        for (String formId : wanted) {
          ResourceEntity form = added.containsKey(formId) ? null : latest(formId);
          if (form != null && deployment.getResource(form.getName()) == null) {
            added.put(formId, form);
          }
        }
      }
    }
    CommandContext commandContext = Context.getCommandContext();
    added.forEach((formId, form) -> {
      form.setDeploymentId(deployment.getId());
      form.setTenantId(deployment.getTenantId());
      form.setType(ResourceTypes.REPOSITORY.getValue());
      form.setCreateTime(ClockUtil.getCurrentTime());
      commandContext.getResourceManager().insertResource(form);
      deployment.addResource(form);
    });
    if (!added.isEmpty()) {
      LOG.info("Deployment '{}' completed with the forms its models reference: {}", deployment.getName(),
          added.keySet());
    }
  }

  /** A copy of the latest deployed version of the form, or else of the packaged form; none if neither exists. */
  private ResourceEntity latest(String formId) {
    ResourceEntity deployed = deployedOnly(formId);
    if (deployed != null) {
      return deployed;
    }
    byte[] content = packaged().get(formId);
    return content == null ? null : resource(ModelCatalog.FORMS + formId + ".form", content);
  }

  private ResourceEntity deployedOnly(String formId) {
    CommandContext commandContext = Context.getCommandContext();
    CamundaFormDefinitionEntity definition = commandContext.getCamundaFormDefinitionManager()
        .findLatestDefinitionByKey(formId);
    if (definition == null) {
      return null;
    }
    ResourceEntity stored = commandContext.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
    return stored == null ? null : resource(stored.getName(), stored.getBytes());
  }

  private static ResourceEntity resource(String name, byte[] content) {
    ResourceEntity resource = new ResourceEntity();
    resource.setName(name);
    resource.setBytes(content);
    return resource;
  }

  /** The deployment's forms by id, read; a form that is not JSON is left for the form deployer to refuse. */
  static Map<String, JsonNode> forms(Collection<ResourceEntity> resources) {
    Map<String, JsonNode> forms = new TreeMap<>();
    for (ResourceEntity resource : resources) {
      if (resource.getName().toLowerCase(Locale.ROOT).endsWith(".form")) {
        try {
          JsonNode form = JSON.readTree(resource.getBytes());
          if (form.hasNonNull("id") && !form.get("id").asText().isBlank()) {
            forms.put(form.get("id").asText(), form);
          }
        } catch (IOException e) {
          // refused by the form deployer
        }
      }
    }
    return forms;
  }

  /**
   * The deployment's BPMN models by resource name, read; a file that cannot be read is left out, for the BPMN
   * deployer to report what is wrong with it.
   */
  static Map<String, BpmnModelInstance> models(DeploymentEntity deployment) {
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (ResourceEntity resource : List.copyOf(deployment.getResources().values())) {
      if (isBpmn(resource.getName())) {
        try {
          models.put(resource.getName(), Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
        } catch (RuntimeException e) {
          // reported by the BPMN deployer
        }
      }
    }
    return models;
  }

  static boolean isBpmn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
  }
}
