package org.tandem.identity;

import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineLists;

/**
 * Gives every process of every model the start listener {@code ${participantAccess}}, so each instance is visible to
 * the people it belongs to from its first moment. Variables are read only with the engine's specific variable
 * permissions ({@code enforceSpecificVariablePermission}): seeing an instance shows its state, not its data.
 */
@Component
class ParticipantAccessPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER_EXPRESSION = "${participantAccess}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setEnableHistoricInstancePermissions(true);
    BpmnParseListener participantAccess = new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            new DelegateExpressionExecutionListener(
                configuration.getExpressionManager().createExpression(LISTENER_EXPRESSION), List.of()));
      }
    };
    configuration.setCustomPreBPMNParseListeners(
        EngineLists.plus(configuration.getCustomPreBPMNParseListeners(), participantAccess));
  }
}
