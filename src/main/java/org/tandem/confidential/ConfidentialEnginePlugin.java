package org.tandem.confidential;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.tandem.common.HistoryExclusion;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineLists;

/**
 * Wires confidentiality into the engine: the engine's database history handler sees no confidential variable (nor
 * any a capability declares a {@link HistoryExclusion}), and
 * every user task of every model gets the listener {@code ${confidentialFields}} on completion, which moves the
 * confidential fields into the confidential store. Used by the application and by the process tests alike.
 */
@Component
class ConfidentialEnginePlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER_EXPRESSION = "${confidentialFields}";

  private final ObjectProvider<HistoryExclusion> exclusions;

  ConfidentialEnginePlugin(ObjectProvider<HistoryExclusion> exclusions) {
    this.exclusions = exclusions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(EngineLists.plus(configuration.getCustomHistoryEventHandlers(),
        new ConfidentialHistoryFilter(new DbHistoryEventHandler(), exclusions.orderedStream()
            .flatMap(exclusion -> exclusion.variables().stream()).collect(Collectors.toSet()))));
    configuration.setCustomPreBPMNParseListeners(EngineLists.plus(configuration.getCustomPreBPMNParseListeners(),
        new UserTaskListenerAdder(configuration)));
  }

  /** Adds the confidential-fields listener to each user task as it is parsed. */
  private static final class UserTaskListenerAdder extends AbstractBpmnParseListener {

    private final ProcessEngineConfigurationImpl configuration;

    UserTaskListenerAdder(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ExpressionManager expressions = configuration.getExpressionManager();
      TaskListener listener = new DelegateExpressionTaskListener(
          expressions.createExpression(LISTENER_EXPRESSION), List.of());
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
    }
  }
}
