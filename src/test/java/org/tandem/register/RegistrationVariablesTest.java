package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.common.FormValues;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.SessionFormat;

class RegistrationVariablesTest {

  private static final Application APPLICATION = new Application("newcoach", "New", "Coach", "new@example.org",
      true, true, new ProfileDetails("0121 000 0000", "Trust", Qualification.ILM_LEVEL_5, "Since 2020", true, true,
          "GBP 80 an hour", EnumSet.of(Specialism.LEADERSHIP, Specialism.CHANGE),
          EnumSet.of(SessionFormat.VIRTUAL), Set.of("Leeds"), 3), true, true);

  @Test
  @DisplayName("REG-1 REG-3 an application made over the API reads back from the process as it was made")
  void application_round_trip() {
    assertThat(RegistrationVariables.application(FormValues.of(RegistrationVariables.of(APPLICATION))))
        .isEqualTo(APPLICATION);
  }

  @Test
  @DisplayName("REG-3 the form's lists: choices in any case, locations separated by commas or semicolons")
  void form_lists() {
    Map<String, Object> form = new HashMap<>(Map.of("applicantId", "newcoach", "specialisms", List.of("leadership"),
        "formats", "virtual, in_person", "locations", "Leeds; Bradford ,York"));
    Application application = RegistrationVariables.application(FormValues.of(form));

    assertThat(application.details().specialisms()).containsExactly(Specialism.LEADERSHIP);
    assertThat(application.details().formats()).containsExactlyInAnyOrder(SessionFormat.VIRTUAL,
        SessionFormat.IN_PERSON);
    assertThat(application.details().locations()).containsExactly("Leeds", "Bradford", "York");
  }

  @Test
  @DisplayName("REG-3 a specialism that is not one is refused with the field named")
  void unknown_specialism() {
    assertThatThrownBy(() -> RegistrationVariables.application(FormValues.of(Map.of("specialisms", "juggling"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specialisms"))
        .hasMessageStartingWith("'juggling' is not one of [");
  }

  @Test
  @DisplayName("REG-1 the interview is passed YES or NO, with the assessor's notes")
  void interview() {
    assertThat(RegistrationVariables.interview(FormValues.of(Map.of("interviewPassed", "NO",
        "interviewNotes", " Not yet ready ")))).isEqualTo(new RegistrationVariables.Interview(false, "Not yet ready"));
    assertThatThrownBy(() -> RegistrationVariables.interview(FormValues.of(Map.of("interviewNotes", "Fine"))))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("interviewPassed"));
    assertThatThrownBy(() -> RegistrationVariables.interview(FormValues.of(Map.of("interviewPassed", "YES"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("interviewNotes"));
  }
}
