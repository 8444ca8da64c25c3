package org.tandem.identity;

import java.util.List;
import java.util.Optional;

/** The people the product knows: Camunda's users and their groups, looked up whoever is logged in. */
public interface People {

  /** A person as the product shows them. */
  record Person(String id, String firstName, String lastName, String email) {
    public String displayName() {
      String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
      return name.isEmpty() ? id : name;
    }
  }

  Optional<Person> find(String userId);

  boolean hasRole(String userId, String role);

  /** Everyone in a role's group, by last and first name. */
  List<Person> withRole(String role);
}
