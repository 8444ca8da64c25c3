package org.tandem.matching;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.SessionFormat;
import org.tandem.identity.People;
import org.tandem.identity.Roles;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;

/** What makes a request complete (MAT-1). Each refusal names the field and says what to do. */
final class RequestRules {

  private RequestRules() {
  }

  /**
   * MAT-1, CON-5: a client's sponsor is one of the sponsors, and not the client; none is fine.
   *
   * @return the sponsor's id, or null for none
   */
  static String sponsor(String sponsorId, String clientId, People people) {
    String sponsor = sponsorId == null || sponsorId.isBlank() ? null : sponsorId.trim();
    if (sponsor != null) {
      if (people.find(sponsor).isEmpty() || !people.hasRole(sponsor, Roles.SPONSORS)) {
        throw new InvalidInputException(MatchingVariables.SPONSOR_ID, "There is no sponsor '" + sponsor
            + "': choose your line manager or organisational sponsor from the list, or leave it empty.");
      }
      if (sponsor.equals(clientId)) {
        throw new InvalidInputException(MatchingVariables.SPONSOR_ID, "You cannot be your own sponsor.");
      }
    }
    return sponsor;
  }

  static CoachingRequest check(MatchingService.RequestForm form, People people) {
    Kind kind = Kind.parse("kind", form.kind());
    String need = text("developmentNeed", form.developmentNeed(), "Your development need", 4000, true);
    String goals = text("draftGoals", form.draftGoals(), "Your goals", 4000, false);
    String organisation = text("organisation", form.organisation(), "Your organisation", 200, true);
    SessionFormat format = choice("preferredFormat", form.preferredFormat(), SessionFormat.class, "format");
    Specialism specialism = choice("preferredSpecialism", form.preferredSpecialism(), Specialism.class, "specialism");
    String location = text("preferredLocation", form.preferredLocation(), "Your preferred location", 100, false);
    if (location != null) {
      location = location.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
    String sponsor = sponsor(form.sponsorId(), form.clientId(), people);
    Set<String> managers = new LinkedHashSet<>();
    for (String manager : form.lineManagers() == null ? Set.<String>of() : form.lineManagers()) {
      if (manager != null && !manager.isBlank()) {
        managers.add(manager.trim());
      }
    }
    return new CoachingRequest(null, form.clientId(), kind, need, goals, format, location, specialism, organisation,
        sponsor, managers, CoachingRequest.Status.OPEN, 0, null, EngineTime.now());
  }

  private static String text(String field, String value, String label, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, label + " is required.");
      }
      return null;
    }
    if (value.length() > max) {
      throw new InvalidInputException(field, label + " is too long: at most " + max + " characters.");
    }
    return value.trim();
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, String label) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "'" + value + "' is not a " + label + " the register knows.");
    }
  }
}
