package org.tandem.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the product's models and forms when the application starts, before it serves any request.
 *
 * <p>Each unit (see {@link ModelCatalog}) is a deployment named after its BPMN or DMN file, with Camunda's duplicate
 * filtering: a unit whose files are unchanged since its last deployment is not deployed again, so a restart creates
 * no new versions; a unit with a changed file is deployed whole, so its process and its forms stay together.
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

  static final String SOURCE = "tandem";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver;

  ModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resolver) {
    this.repositoryService = repositoryService;
    this.resolver = resolver;
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy(new ModelCatalog().units(ModelCatalog.scan(resolver)));
  }

  void deploy(List<ModelCatalog.Unit> units) {
    for (ModelCatalog.Unit unit : units) {
      DeploymentBuilder builder = repositoryService.createDeployment()
          .name(unit.name())
          .source(SOURCE)
          .enableDuplicateFiltering(false);
      unit.resources().forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
      String previous = latestDeploymentId(unit.name());
      Deployment deployment = builder.deployWithResult();
      if (deployment.getId().equals(previous)) {
        LOG.info("Models '{}' unchanged since deployment {}", unit.name(), previous);
      } else {
        LOG.info("Models '{}' deployed as {}: {}", unit.name(), deployment.getId(), unit.resources().keySet());
      }
    }
  }

  private String latestDeploymentId(String name) {
    return repositoryService.createDeploymentQuery().deploymentName(name).deploymentSource(SOURCE)
        .orderByDeploymentTime().desc().listPage(0, 1).stream()
        .map(Deployment::getId).findFirst().orElse(null);
  }
}
