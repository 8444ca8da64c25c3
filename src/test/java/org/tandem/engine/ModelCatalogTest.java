package org.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class ModelCatalogTest {

  private final ModelCatalog catalog = new ModelCatalog();

  static ModelCatalog.Model bpmn(String processId, String... formRefs) {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < formRefs.length; i++) {
      tasks.append("<bpmn:userTask id=\"Task_%d\" camunda:formRef=\"%s\" camunda:formRefBinding=\"deployment\"/>"
          .formatted(i, formRefs[i]));
    }
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_%1$s" targetNamespace="test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start"/>%2$s
          </bpmn:process>
        </bpmn:definitions>""".formatted(processId, tasks);
    return new ModelCatalog.Model("processes/" + processId + ".bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  static ModelCatalog.Model form(String file, String id, String label) {
    String json = """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"id": "Field_1", "key": "answer", "type": "textfield", "label": "%s"}]}"""
        .formatted(id, label);
    return new ModelCatalog.Model("forms/" + file, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_process_is_deployed_with_exactly_the_forms_it_references() {
    List<ModelCatalog.Unit> units = catalog.units(List.of(
        bpmn("contracting", "contract-draft", "contract-sign"),
        bpmn("evaluation", "evaluation-answer"),
        form("contract-draft.form", "contract-draft", "Goals"),
        form("contract-sign.form", "contract-sign", "Sign"),
        form("evaluation-answer.form", "evaluation-answer", "Answer")));

    assertThat(units).extracting(ModelCatalog.Unit::name).containsExactly("contracting", "evaluation");
    assertThat(units.get(0).resources()).containsOnlyKeys(
        "processes/contracting.bpmn", "forms/contract-draft.form", "forms/contract-sign.form");
    assertThat(units.get(1).resources()).containsOnlyKeys(
        "processes/evaluation.bpmn", "forms/evaluation-answer.form");
  }

  @Test
  void a_form_used_by_two_processes_goes_with_each_of_them() {
    List<ModelCatalog.Unit> units = catalog.units(List.of(
        bpmn("relationship", "end-early"), bpmn("session-cycle", "end-early"),
        form("end-early.form", "end-early", "Reason")));

    assertThat(units).allSatisfy(unit -> assertThat(unit.resources()).containsKey("forms/end-early.form"));
  }

  @Test
  void a_reference_to_a_missing_form_names_the_model_and_the_form() {
    assertThatThrownBy(() -> catalog.units(List.of(bpmn("relationship", "contract-draft"))))
        .isInstanceOf(ModelCatalog.InvalidModelException.class)
        .hasMessage("processes/relationship.bpmn references the form 'contract-draft', "
            + "but no file in forms/ has that id.");
  }

  @Test
  void two_forms_with_one_id_are_refused() {
    assertThatThrownBy(() -> catalog.units(List.of(
        form("a.form", "contract-draft", "A"), form("b.form", "contract-draft", "B"))))
        .isInstanceOf(ModelCatalog.InvalidModelException.class)
        .hasMessageContaining("Two forms have the id 'contract-draft'");
  }

  @Test
  void a_form_that_is_not_json_is_refused_with_its_file_name() {
    ModelCatalog.Model broken = new ModelCatalog.Model("forms/broken.form", "{not json".getBytes());
    assertThatThrownBy(() -> catalog.units(List.of(broken)))
        .hasMessageStartingWith("forms/broken.form is not valid JSON");
  }

  @Test
  void the_product_models_are_found_on_the_classpath_named_by_their_folder() {
    List<ModelCatalog.Model> models = ModelCatalog.scan(new PathMatchingResourcePatternResolver());

    assertThat(models).extracting(ModelCatalog.Model::name)
        .contains("processes/relationship.bpmn", "forms/relationship-start.form", "forms/contract-draft.form")
        .allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
  }

  @Test
  void every_form_of_the_product_is_used_by_a_process() {
    List<ModelCatalog.Model> models = ModelCatalog.scan(new PathMatchingResourcePatternResolver());
    List<String> deployed = catalog.units(models).stream()
        .flatMap(unit -> unit.resources().keySet().stream()).toList();

    assertThat(models).extracting(ModelCatalog.Model::name)
        .filteredOn(name -> name.endsWith(".form"))
        .isNotEmpty()
        .allMatch(deployed::contains);
  }
}
