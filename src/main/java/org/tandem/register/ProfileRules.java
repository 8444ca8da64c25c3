package org.tandem.register;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tandem.common.Caller;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.Roles;

/** What makes an application or a profile complete. Each refusal names the field and says what to do. */
final class ProfileRules {

  /** Camunda's rule for user ids, which the register's people are. */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final int MAX_CAPACITY = 20;

  static final String APPLY_FOR_YOURSELF = "Apply for yourself; only coordinators apply on someone's behalf.";

  private ProfileRules() {
  }

  /**
   * REG-1: people apply for themselves; only coordinators apply on someone's behalf. Without a caller (the engine
   * itself, not a person), anyone may be named.
   */
  static void checkApplicant(Caller caller, String applicantId) {
    if (caller != null && !caller.userId().equals(applicantId) && !caller.isIn(Roles.COORDINATORS)) {
      throw new InvalidInputException(RegistrationVariables.APPLICANT_ID, APPLY_FOR_YOURSELF);
    }
  }

  static void checkApplication(Application application) {
    if (application.userId() == null || !USER_ID.matcher(application.userId()).matches()) {
      throw new InvalidInputException("userId", "A user id is letters and digits only, at most 64.");
    }
    require("firstName", application.firstName(), "Your first name");
    require("lastName", application.lastName(), "Your last name");
    if (application.email() == null || !EMAIL.matcher(application.email()).matches()) {
      throw new InvalidInputException("email", "Give an email address such as name@nhs.net.");
    }
    if (!application.coach() && !application.mentor()) {
      throw new InvalidInputException("asCoach", "Apply as a coach, as a mentor, or as both.");
    }
    if (application.mentor() && !application.coach() && !application.ethicsDeclared()) {
      throw new InvalidInputException("ethicsDeclared",
          "As a mentor, declare that you will practise ethically within your area of expertise.");
    }
    checkDetails(application.details());
  }

  static void checkDetails(ProfileDetails details) {
    require("organisation", details.organisation(), "Your organisation");
    if (details.qualification() == null) {
      throw new InvalidInputException("qualification", "Choose your qualification, or none.");
    }
    if (details.capacity() == null) {
      throw new InvalidInputException("capacity", "Say how many clients you can take on at once.");
    }
    if (details.capacity() < 0 || details.capacity() > MAX_CAPACITY) {
      throw new InvalidInputException("capacity",
          "The capacity must be between 0 and " + MAX_CAPACITY + " clients, not " + details.capacity() + ".");
    }
    if (details.formats() == null || details.formats().isEmpty()) {
      throw new InvalidInputException("formats", "Offer at least one format: virtual, hybrid or in person.");
    }
    if (details.chargesFees() && (details.fees() == null || details.fees().isBlank())) {
      throw new InvalidInputException("fees", "Declare the fees you charge.");
    }
  }

  /** Locations match case-insensitively and without stray spaces. */
  static Set<String> normalise(Set<String> locations) {
    if (locations == null) {
      return Set.of();
    }
    return locations.stream().filter(location -> location != null && !location.isBlank())
        .map(location -> location.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static void require(String field, String value, String label) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, label + " is required.");
    }
  }
}
