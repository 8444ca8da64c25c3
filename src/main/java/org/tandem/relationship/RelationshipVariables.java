package org.tandem.relationship;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of the {@code relationship} process: ids and decisions only; the records themselves live in the
 * product's tables. Form field keys use the same names.
 */
final class RelationshipVariables {

  static final String RELATIONSHIP_ID = "relationshipId";
  static final String COACH_ID = "coachId";
  static final String CLIENT_ID = "clientId";
  static final String SPONSOR_ID = "sponsorId";
  static final String KIND = "kind";

  private final VariableScope scope;

  RelationshipVariables(VariableScope scope) {
    this.scope = scope;
  }

  String coachId() {
    return text(COACH_ID);
  }

  String clientId() {
    return text(CLIENT_ID);
  }

  String sponsorId() {
    return text(SPONSOR_ID);
  }

  Kind kind() {
    return Kind.parse(KIND, scope.getVariable(KIND));
  }

  void relationshipId(String id) {
    scope.setVariable(RELATIONSHIP_ID, id);
  }

  private String text(String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
