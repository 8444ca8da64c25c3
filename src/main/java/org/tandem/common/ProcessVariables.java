package org.tandem.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What every process's variable facade shares: the scope it reads and writes, its form values, and the variables
 * that name the relationship and its people ({@link PartyVariables}), read the same way in every process.
 */
public abstract class ProcessVariables {

  protected final VariableScope scope;
  protected final FormValues values;

  protected ProcessVariables(VariableScope scope) {
    this.scope = scope;
    this.values = FormValues.of(scope);
  }

  public String relationshipId() {
    return values.text(PartyVariables.RELATIONSHIP_ID);
  }

  public String coachId() {
    return values.text(PartyVariables.COACH_ID);
  }

  public String clientId() {
    return values.text(PartyVariables.CLIENT_ID);
  }

  public String sponsorId() {
    return values.text(PartyVariables.SPONSOR_ID);
  }

  /** Who started the process from a start form, or raised what it is about. */
  public String raisedBy() {
    return values.text(PartyVariables.RAISED_BY);
  }
}
