package org.tandem.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The models and forms of the product, read from the classpath folders {@code processes/} and {@code forms/}
 * (the top-level folders of the source tree) and grouped into deployment units.
 *
 * <p>A unit is one BPMN file together with every Camunda Form it references through {@code camunda:formRef}, so a
 * form bound with {@code camunda:formRefBinding="deployment"} is always deployed beside its process; a reference
 * with an expression ({@code evaluation-${questionnaire}}) takes every form whose id starts with its fixed part.
 * A DMN file is a unit of its own. A change to a BPMN file or to one of its forms creates a new version of that unit only.
 */
final class ModelCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);
  static final String PROCESSES = "processes/";
  static final String FORMS = "forms/";

  private final ObjectMapper json = new ObjectMapper();

  /** One deployment: its name and its resources by resource name, in a stable order. */
  record Unit(String name, Map<String, byte[]> resources) {}

  /** A model or form as found on the classpath, named relative to the classpath root. */
  record Model(String name, byte[] content) {}

  static List<Model> scan(ResourcePatternResolver resolver) {
    List<Model> models = new ArrayList<>();
    for (String folder : List.of(PROCESSES, FORMS)) {
      try {
        String root = resolver.getResource("classpath:" + folder).getURL().toString();
        for (Resource resource : resolver.getResources("classpath*:" + folder + "**/*.*")) {
          String url = resource.getURL().toString();
          if (!resource.isReadable() || url.endsWith("/") || !url.startsWith(root)) {
            continue;
          }
          try (var in = resource.getInputStream()) {
            models.add(new Model(folder + url.substring(root.length()), in.readAllBytes()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the models under classpath:" + folder, e);
      }
    }
    return models;
  }

  List<Unit> units(List<Model> models) {
    Map<String, Model> formsById = new TreeMap<>();
    List<Model> bpmn = new ArrayList<>();
    List<Model> dmn = new ArrayList<>();
    for (Model model : models) {
      String name = model.name();
      if (name.endsWith(".form")) {
        Model previous = formsById.put(formId(model), model);
        if (previous != null) {
          throw new InvalidModelException(
              "Two forms have the id '%s': %s and %s. Give each form its own id."
                  .formatted(formId(model), previous.name(), name));
        }
      } else if (name.endsWith(".bpmn")) {
        bpmn.add(model);
      } else if (name.endsWith(".dmn")) {
        dmn.add(model);
      }
    }

    List<Unit> units = new ArrayList<>();
    Set<String> referenced = new LinkedHashSet<>();
    for (Model process : sorted(bpmn)) {
      Map<String, byte[]> resources = new LinkedHashMap<>();
      resources.put(process.name(), process.content());
      for (String formRef : formRefs(process)) {
        List<String> matching = matchingForms(formRef, formsById.keySet());
        if (matching.isEmpty()) {
          throw new InvalidModelException(
              "%s references the form '%s', but no file in forms/ has %s."
                  .formatted(process.name(), formRef, isExpression(formRef) ? "a matching id" : "that id"));
        }
        for (String formId : matching) {
          referenced.add(formId);
          resources.put(formsById.get(formId).name(), formsById.get(formId).content());
        }
      }
      units.add(new Unit(baseName(process.name()), resources));
    }
    for (Model decision : sorted(dmn)) {
      units.add(new Unit(baseName(decision.name()), Map.of(decision.name(), decision.content())));
    }
    formsById.keySet().stream()
        .filter(id -> !referenced.contains(id))
        .forEach(id -> LOG.warn("The form '{}' ({}) is used by no process and is not deployed",
            id, formsById.get(id).name()));
    return units;
  }

  /**
   * The forms a reference can mean: the form of that id, or for an expression such as
   * {@code evaluation-${questionnaire}} every form whose id starts with the text before the expression.
   */
  static List<String> matchingForms(String formRef, java.util.Collection<String> formIds) {
    if (!isExpression(formRef)) {
      return formIds.contains(formRef) ? List.of(formRef) : List.of();
    }
    int dollar = formRef.indexOf("${");
    int hash = formRef.indexOf("#{");
    String prefix = formRef.substring(0, dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash));
    if (prefix.isEmpty()) {
      throw new InvalidModelException("The form reference '" + formRef
          + "' starts with an expression; begin it with a fixed prefix so its forms can be found.");
    }
    return formIds.stream().filter(id -> id.startsWith(prefix)).sorted().toList();
  }

  static boolean isExpression(String formRef) {
    return formRef.contains("${") || formRef.contains("#{");
  }

  /** The id of every form among the models, with its content. */
  Map<String, byte[]> formsById(List<Model> models) {
    Map<String, byte[]> forms = new TreeMap<>();
    models.stream().filter(model -> model.name().endsWith(".form"))
        .forEach(form -> forms.put(formId(form), form.content()));
    return forms;
  }

  String formId(Model form) {
    try {
      JsonNode id = json.readTree(form.content()).get("id");
      if (id == null || id.asText().isBlank()) {
        throw new InvalidModelException(form.name() + " has no \"id\"; a form is referenced by its id.");
      }
      return id.asText();
    } catch (IOException e) {
      throw new InvalidModelException(form.name() + " is not valid JSON: " + e.getMessage());
    }
  }

  private static Set<String> formRefs(Model process) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(process.content()));
    } catch (RuntimeException e) {
      throw new InvalidModelException(process.name() + " is not a valid BPMN model: " + e.getMessage());
    }
    return formRefs(model);
  }

  /** The forms a model's user tasks and start events reference, by id or by an expression. */
  static Set<String> formRefs(BpmnModelInstance model) {
    Set<String> refs = new LinkedHashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> addIfPresent(refs, task.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(event -> addIfPresent(refs, event.getCamundaFormRef()));
    return refs;
  }

  private static void addIfPresent(Set<String> refs, String ref) {
    if (ref != null && !ref.isBlank()) {
      refs.add(ref);
    }
  }

  private static List<Model> sorted(List<Model> models) {
    return models.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  private static String baseName(String resourceName) {
    String file = resourceName.substring(resourceName.lastIndexOf('/') + 1);
    return file.substring(0, file.lastIndexOf('.'));
  }

  /** A model or form that cannot be deployed; the message says which file and what to change. */
  static final class InvalidModelException extends RuntimeException {
    InvalidModelException(String message) {
      super(message);
    }
  }
}
