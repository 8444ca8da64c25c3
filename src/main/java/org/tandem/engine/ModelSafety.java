package org.tandem.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.engine.CamundaScriptEngineManager;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineLists;
import org.tandem.common.ModelContract;

/**
 * No code from users: a deployed model reaches the product's delegates and listeners, and nothing else of the
 * application ({@link ModelBeans}, {@link ModelExpressions}); runs scripts only in the languages an administrator
 * enabled ({@link EnabledScripts}); and a deployment that breaks these rules is refused whole ({@link ModelGuard}).
 * A deployment is completed with the forms its models reference ({@link FormBundler}), and refused when a model
 * breaks what the product's code relies on ({@link ModelContracts}).
 */
@Component
class ModelSafety extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final EngineSettings settings;

  ModelSafety(ApplicationContext context, EngineSettings settings) {
    this.context = context;
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ModelBeans beans = new ModelBeans(context);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new ModelExpressions(context, beans));
    configuration.setScriptEngineResolver(new EnabledScripts(
        new DefaultScriptEngineResolver(new CamundaScriptEngineManager()), settings));
    FormBundler forms = new FormBundler(() -> new ModelCatalog().formsById(ModelCatalog.scan(context)));
    ModelContracts contracts = new ModelContracts(() -> context.getBeansOfType(ModelContract.class).values());
    List<Deployer> deployers = EngineLists.plus(configuration.getCustomPreDeployers(), new ModelGuard(beans, settings));
    deployers = EngineLists.plus(deployers, forms);
    configuration.setCustomPreDeployers(EngineLists.plus(deployers, contracts));
  }
}
