package org.tandem.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.tandem.common.PartyVariables;

/**
 * Runs when any process instance starts (see {@link ParticipantAccessPlugin}) and lets the people it belongs to see it,
 * and no one else: the coach and the client see their relationship's processes, a client their request, an applicant
 * their application, whoever raised a concern their complaint, and a respondent their own evaluation. The engine drops
 * the grant on the running instance when it ends; the grant on its history goes with the history (DP-3).
 */
@Component("participantAccess")
class ParticipantAccess implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    for (String person : participants(execution)) {
      grant(authorizations, person, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(),
          Permissions.READ);
      grant(authorizations, person, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(),
          HistoricProcessInstancePermissions.READ);
    }
  }

  static Set<String> participants(DelegateExecution execution) {
    Set<String> people = new LinkedHashSet<>();
    Object respondent = execution.getVariable(PartyVariables.RESPONDENT_ID);
    if (respondent instanceof String id && !id.isBlank()) {
      people.add(id);
      return people;
    }
    for (String name : PartyVariables.PARTICIPANTS) {
      if (execution.getVariable(name) instanceof String id && !id.isBlank()) {
        people.add(id);
      }
    }
    return people;
  }

  private static void grant(AuthorizationService authorizations, String userId, Resources resource, String resourceId,
      org.camunda.bpm.engine.authorization.Permission permission) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
