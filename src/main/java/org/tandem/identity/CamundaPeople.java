package org.tandem.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.tandem.common.Privileged;

/**
 * {@link People} over Camunda's identity service. Look-ups run without the caller's authorizations: a client who
 * starts a request may not read other users, yet the product must check that the coach they chose exists.
 */
@Component
class CamundaPeople implements People {

  private final ProcessEngine engine;

  CamundaPeople(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Person> find(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    User user = Privileged.call(engine,
        () -> engine.getIdentityService().createUserQuery().userId(userId).singleResult());
    return Optional.ofNullable(user)
        .map(u -> new Person(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail()));
  }

  @Override
  public List<Person> withRole(String role) {
    return Privileged.call(engine, () -> engine.getIdentityService().createUserQuery().memberOfGroup(role)
        .orderByUserLastName().asc().orderByUserFirstName().asc().list()).stream()
        .map(u -> new Person(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail())).toList();
  }

  @Override
  public boolean hasRole(String userId, String role) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    return Privileged.call(engine,
        () -> engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(role).count() > 0);
  }
}
