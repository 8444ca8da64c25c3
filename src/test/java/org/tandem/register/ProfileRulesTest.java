package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.common.Caller;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.SessionFormat;

class ProfileRulesTest {

  static ProfileDetails details(Qualification qualification, Integer capacity) {
    return new ProfileDetails(null, "Trust", qualification, null, false, false, null,
        EnumSet.of(Specialism.LEADERSHIP), EnumSet.of(SessionFormat.VIRTUAL), Set.of("Leeds"), capacity);
  }

  static Application application(boolean coach, boolean mentor, Qualification qualification, boolean ethics) {
    return new Application("newcoach", "New", "Coach", "new@example.org", coach, mentor,
        details(qualification, 3), ethics, true);
  }

  private static void refused(Application application, String field) {
    assertThatThrownBy(() -> ProfileRules.checkApplication(application))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  @DisplayName("REG-1 a coach with ILM Level 5 or above, or equivalent, goes to approval; without, to an interview")
  void coach_routes() {
    assertThat(RegisterService.route(application(true, false, Qualification.ILM_LEVEL_7, false)))
        .isEqualTo(RegisterService.Route.QUALIFIED);
    assertThat(RegisterService.route(application(true, false, Qualification.ILM_LEVEL_5, false)))
        .isEqualTo(RegisterService.Route.QUALIFIED);
    assertThat(RegisterService.route(application(true, false, Qualification.EQUIVALENT, false)))
        .isEqualTo(RegisterService.Route.QUALIFIED);
    assertThat(RegisterService.route(application(true, false, Qualification.IN_TRAINING, false)))
        .isEqualTo(RegisterService.Route.INTERVIEW);
    assertThat(RegisterService.route(application(true, true, Qualification.NONE, true)))
        .isEqualTo(RegisterService.Route.INTERVIEW);
  }

  @Test
  @DisplayName("REG-1 people apply for themselves; only coordinators apply on someone's behalf")
  void who_applies() {
    assertThatCode(() -> ProfileRules.checkApplicant(new Caller("newcoach", List.of("clients")), "newcoach"))
        .doesNotThrowAnyException();
    assertThatCode(() -> ProfileRules.checkApplicant(new Caller("cora", List.of("coordinators")), "newcoach"))
        .doesNotThrowAnyException();
    assertThatCode(() -> ProfileRules.checkApplicant(null, "newcoach")).doesNotThrowAnyException();
    assertThatThrownBy(() -> ProfileRules.checkApplicant(new Caller("carl", List.of("clients")), "newcoach"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("applicantId"))
        .hasMessage("Apply for yourself; only coordinators apply on someone's behalf.");
    assertThatThrownBy(() -> ProfileRules.checkApplicant(new Caller("carl", null), "newcoach"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("REG-1 a mentor needs no qualification, only the declaration to practise ethically")
  void mentor_declaration() {
    assertThat(RegisterService.route(application(false, true, Qualification.NONE, true)))
        .isEqualTo(RegisterService.Route.MENTOR);
    assertThatCode(() -> ProfileRules.checkApplication(application(false, true, Qualification.NONE, true)))
        .doesNotThrowAnyException();
    refused(application(false, true, Qualification.NONE, false), "ethicsDeclared");
  }

  @Test
  @DisplayName("REG-3 a profile says how many clients at once: not negative, at most 20")
  void capacity() {
    assertThatThrownBy(() -> ProfileRules.checkDetails(details(Qualification.ILM_LEVEL_5, -1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The capacity must be between 0 and 20 clients, not -1.");
    assertThatThrownBy(() -> ProfileRules.checkDetails(details(Qualification.ILM_LEVEL_5, 21)))
        .isInstanceOf(InvalidInputException.class);
    assertThatCode(() -> ProfileRules.checkDetails(details(Qualification.ILM_LEVEL_5, 0))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("REG-3 fees charged are declared; formats offered are given")
  void fees_and_formats() {
    ProfileDetails undeclared = new ProfileDetails(null, "Trust", Qualification.ILM_LEVEL_5, null, false, true, " ",
        Set.of(), EnumSet.of(SessionFormat.VIRTUAL), Set.of(), 2);
    assertThatThrownBy(() -> ProfileRules.checkDetails(undeclared)).hasMessage("Declare the fees you charge.");
    ProfileDetails noFormat = new ProfileDetails(null, "Trust", Qualification.ILM_LEVEL_5, null, false, false, null,
        Set.of(), Set.of(), Set.of(), 2);
    assertThatThrownBy(() -> ProfileRules.checkDetails(noFormat))
        .hasMessage("Offer at least one format: virtual, hybrid or in person.");
  }

  @Test
  @DisplayName("REG-3 an application names a valid user id, an email and at least one role")
  void application_basics() {
    refused(new Application("not valid!", "A", "B", "a@b.org", true, false, details(Qualification.ILM_LEVEL_5, 2),
        false, true), "userId");
    refused(new Application("ab", "A", "B", "not-an-email", true, false, details(Qualification.ILM_LEVEL_5, 2),
        false, true), "email");
    refused(application(false, false, Qualification.ILM_LEVEL_5, false), "asCoach");
  }

  @Test
  @DisplayName("REG-3 locations match regardless of case and spacing")
  void locations() {
    assertThat(ProfileRules.normalise(Set.of("  West  Bromwich ", "Leeds", " "))).containsExactly("leeds",
        "west bromwich");
  }
}
