package org.tandem.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What every process's variable facade shares: the scope it reads and writes, its form values, and the variables
 * that name the relationship and its people ({@link PartyVariables}), declared and read the same way in every process,
 * so that each facade is known by these names ({@code ComplaintVariables.COACH_ID}) without declaring them again.
 */
public abstract class ProcessVariables {

  public static final String RELATIONSHIP_ID = PartyVariables.RELATIONSHIP_ID;
  public static final String COACH_ID = PartyVariables.COACH_ID;
  public static final String CLIENT_ID = PartyVariables.CLIENT_ID;
  public static final String SPONSOR_ID = PartyVariables.SPONSOR_ID;
  public static final String CHOSEN_COACH_ID = PartyVariables.CHOSEN_COACH_ID;
  public static final String APPLICANT_ID = PartyVariables.APPLICANT_ID;
  public static final String RESPONDENT_ID = PartyVariables.RESPONDENT_ID;
  public static final String RAISED_BY = PartyVariables.RAISED_BY;
  public static final String SUBJECT_ID = PartyVariables.SUBJECT_ID;

  protected final VariableScope scope;
  protected final FormValues values;

  protected ProcessVariables(VariableScope scope) {
    this.scope = scope;
    this.values = FormValues.of(scope);
  }

  public String relationshipId() {
    return values.text(RELATIONSHIP_ID);
  }

  /** The relationship a process opened or belongs to is kept, and becomes the business key where it starts one. */
  public void relationshipId(String id) {
    scope.setVariable(RELATIONSHIP_ID, id);
  }

  public String coachId() {
    return values.text(COACH_ID);
  }

  public String clientId() {
    return values.text(CLIENT_ID);
  }

  public String sponsorId() {
    return values.text(SPONSOR_ID);
  }

  /** Who started the process from a start form, or raised what it is about. */
  public String raisedBy() {
    return values.text(RAISED_BY);
  }
}
