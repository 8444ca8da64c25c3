package org.tandem.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What every process's variable facade shares: the scope it reads and writes, its form values, and the variables
 * that name the relationship and its people ({@link PartyVariables}), declared and read the same way in every process,
 * so that each facade is known by these names ({@code ComplaintVariables.COACH_ID}) without declaring them again.
 * A facade is a record of its scope: {@code record ComplaintVariables(VariableScope scope) implements ProcessVariables}.
 */
public interface ProcessVariables {

  String RELATIONSHIP_ID = PartyVariables.RELATIONSHIP_ID;
  String COACH_ID = PartyVariables.COACH_ID;
  String CLIENT_ID = PartyVariables.CLIENT_ID;
  String SPONSOR_ID = PartyVariables.SPONSOR_ID;
  String CHOSEN_COACH_ID = PartyVariables.CHOSEN_COACH_ID;
  String APPLICANT_ID = PartyVariables.APPLICANT_ID;
  String RESPONDENT_ID = PartyVariables.RESPONDENT_ID;
  String RAISED_BY = PartyVariables.RAISED_BY;
  String SUBJECT_ID = PartyVariables.SUBJECT_ID;

  /** The scope the facade reads and writes: an execution, a task, or a delegate's. */
  VariableScope scope();

  /** The scope's values, read as forms submit them. */
  default FormValues values() {
    return FormValues.of(scope());
  }

  default String relationshipId() {
    return values().text(RELATIONSHIP_ID);
  }

  /** The relationship a process opened or belongs to is kept, and becomes the business key where it starts one. */
  default void relationshipId(String id) {
    scope().setVariable(RELATIONSHIP_ID, id);
  }

  default String coachId() {
    return values().text(COACH_ID);
  }

  default String clientId() {
    return values().text(CLIENT_ID);
  }

  default String sponsorId() {
    return values().text(SPONSOR_ID);
  }

  /** Who started the process from a start form, or raised what it is about. */
  default String raisedBy() {
    return values().text(RAISED_BY);
  }
}
