package org.tandem.privacy;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Passes every history event to the engine's own handler except those about confidential and anonymous variables:
 * the engine's history ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL} and their byte arrays) never holds them, not
 * even for the moment between a form's submission and the task's completion.
 */
class ConfidentialHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler delegate;

  ConfidentialHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isConfidential(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean isConfidential(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && ConfidentialFields.isKeptFromHistory(variable.getVariableName());
  }
}
