package org.tandem.relationship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_OpenRelationship}: records the matched pair and makes the relationship's id the business key. */
@Component("openRelationship")
class OpenRelationshipDelegate implements JavaDelegate {

  private final RelationshipService service;

  OpenRelationshipDelegate(RelationshipService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RelationshipVariables variables = new RelationshipVariables(execution);
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String openedBy = caller == null ? null : caller.getUserId();
    Relationship relationship = service.open(new RelationshipService.Pairing(variables.kind(),
        variables.coachId(), variables.clientId(), variables.sponsorId(), openedBy));
    variables.relationshipId(relationship.id());
    execution.setProcessBusinessKey(relationship.id());
  }
}
