package org.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tandem.support.ProcessTestEngine;

class ModelDeployerTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final ModelCatalog catalog = new ModelCatalog();

  private ModelDeployer deployer() {
    return new ModelDeployer(engine.getRepositoryService(), new PathMatchingResourcePatternResolver());
  }

  @AfterEach
  void removeDeployments() {
    RepositoryService repository = engine.getRepositoryService();
    repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private List<ModelCatalog.Unit> models(String contractLabel) {
    return catalog.units(List.of(
        ModelCatalogTest.bpmn("contracting", "contract-draft"),
        ModelCatalogTest.bpmn("evaluation", "evaluation-answer"),
        ModelCatalogTest.form("contract-draft.form", "contract-draft", contractLabel),
        ModelCatalogTest.form("evaluation-answer.form", "evaluation-answer", "Answer")));
  }

  private int latestVersion(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult().getVersion();
  }

  @Test
  void a_restart_with_no_change_creates_no_new_version() {
    deployer().deploy(models("Goals"));
    deployer().deploy(models("Goals"));

    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(2);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(2);
  }

  @Test
  void a_changed_form_creates_a_new_version_of_its_process_only_with_the_form_beside_it() {
    deployer().deploy(models("Goals"));
    deployer().deploy(models("Goals, at most three"));

    assertThat(latestVersion("contracting")).isEqualTo(2);
    assertThat(latestVersion("evaluation")).isEqualTo(1);

    ProcessDefinition contracting = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("contracting").latestVersion().singleResult();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(contracting.getDeploymentId()))
        .containsExactlyInAnyOrder("processes/contracting.bpmn", "forms/contract-draft.form");
    assertThat(formLabel(contracting.getDeploymentId())).contains("Goals, at most three");
  }

  private String formLabel(String deploymentId) {
    try (InputStream in = engine.getRepositoryService()
        .getResourceAsStream(deploymentId, "forms/contract-draft.form")) {
      return new String(in.readAllBytes());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_product_models_deploy_on_the_engine() {
    org.camunda.bpm.engine.test.mock.Mocks.register("registerTimers", new org.tandem.register.RegisterTimers(
        new org.springframework.boot.context.properties.bind.Binder().bindOrCreate("tandem.register",
            org.tandem.register.RegisterSettings.class)));
    deployer().afterSingletonsInstantiated();

    ProcessDefinition evaluation = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("evaluation").singleResult();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(evaluation.getDeploymentId()))
        .containsExactlyInAnyOrder("processes/evaluation.bpmn", "forms/evaluation-client-start.form",
            "forms/evaluation-client-middle.form", "forms/evaluation-client-end.form",
            "forms/evaluation-coach-middle.form", "forms/evaluation-coach-end.form",
            "forms/evaluation-sponsor-end.form");
  }
}
