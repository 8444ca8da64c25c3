package org.tandem.confidential;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Passes every history event to the engine's own handler except those about confidential and anonymous variables:
 * the engine's history ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}, byte arrays) never holds them, not
 * even for the moment between a form's submission and the task's completion.
 */
class ConfidentialHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler delegate;
  private final Set<String> excluded;

  /**
   * @param excluded the names of further variables kept from history, those the capabilities declare as
   *     {@link org.tandem.common.HistoryExclusion}s
   */
  ConfidentialHistoryFilter(HistoryEventHandler delegate, Set<String> excluded) {
    this.delegate = delegate;
    this.excluded = Set.copyOf(excluded);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isConfidential(event) && !isExcluded(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private boolean isExcluded(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && excluded.contains(variable.getVariableName());
  }

  /**
   * A variable's creation, update or deletion, or a submitted form property (the engine logs each value a form
   * submits as a "form property" detail), whose name marks it as kept from history.
   */
  static boolean isConfidential(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return ConfidentialFields.isKeptFromHistory(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formProperty) {
      return ConfidentialFields.isKeptFromHistory(formProperty.getPropertyId());
    }
    return false;
  }
}
