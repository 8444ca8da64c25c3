package org.tandem.confidential;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
import org.tandem.common.PartyVariables;

/**
 * Runs when any user task completes (see {@link ConfidentialEnginePlugin}): moves every confidential field the form
 * submitted into the confidential store and removes it from the engine in the same transaction, so the value is
 * never written to the engine's tables.
 */
@Component("confidentialFields")
class ConfidentialFieldsListener implements TaskListener {

  /** Process variables that say what a note is about, in the order they are looked for. */
  static final List<String> REFERENCES = List.of("sessionNumber", "questionnaire");

  private final ConfidentialNotes notes;

  public ConfidentialFieldsListener(ConfidentialNotes notes) {
    this.notes = notes;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> confidential = new ArrayList<>();
    for (String name : task.getVariableNames()) {
      if (ConfidentialFields.isConfidential(name)) {
        confidential.add(name);
      }
    }
    if (confidential.isEmpty()) {
      return;
    }
    String relationshipId = text(task.getVariable(PartyVariables.RELATIONSHIP_ID));
    if (relationshipId == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey()
          + " has confidential fields but no relationshipId to keep them under");
    }
    String author = task.getAssignee();
    String reference = reference(task);
    for (String name : confidential) {
      String content = text(task.getVariable(name));
      if (content != null) {
        notes.save(new ConfidentialNote(null, relationshipId, author, task.getTaskDefinitionKey(), reference, name,
            ConfidentialFields.visibility(name), content, EngineTime.now()));
      }
      task.removeVariable(name);
    }
  }

  private static String reference(DelegateTask task) {
    for (String name : REFERENCES) {
      Object value = task.getVariable(name);
      if (value != null) {
        return name.replace("Number", "") + " " + value;
      }
    }
    return null;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
