package org.tandem.identity;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * {@link People} over Camunda's identity service. Look-ups run without the caller's authorizations: a client who
 * starts a request may not read other users, yet the product must check that the coach they chose exists.
 */
@Component
class CamundaPeople implements People {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  CamundaPeople(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  @Override
  public Optional<Person> find(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    User user = privileged(() -> identityService.createUserQuery().userId(userId).singleResult());
    return Optional.ofNullable(user)
        .map(u -> new Person(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail()));
  }

  @Override
  public boolean hasRole(String userId, String role) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    return privileged(() -> identityService.createUserQuery().userId(userId).memberOfGroup(role).count() > 0);
  }

  private <T> T privileged(Supplier<T> lookup) {
    return engineConfiguration.getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(lookup::get));
  }
}
